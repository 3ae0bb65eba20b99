"""What every journey shares: a headless Chromium, the server's address and demo passwords (from its log), screenshots
at 1366x900 and 390x844 (numbered per script, prefixed with its name), and clicks that wait for the next page.

A journey script is run as `python3 SCRIPT BASE_URL SERVER_LOG SCREENSHOT_DIR`.
"""
import base64
import os
import re
import shutil
import subprocess
import sys
import urllib.request

from axe_core_python.selenium import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, LOG, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
CODE = "11500106009208537T"
PASSWORDS = dict(line.split()[:2] for line in open(LOG, encoding="utf-8") if line.startswith("  "))
os.makedirs(OUT, exist_ok=True)

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(10)
PREFIX = os.path.splitext(os.path.basename(sys.argv[0]))[0].split("_")[0]
steps = 0


AXE = Axe()
AXE_CHECKED = set()


def accessible(name):
    """axe-core (4.4.3, as axe-core-python bundles it) on the HTML page now shown, once per address: no critical or
    serious violation; a failure names each with the elements it was found on."""
    address = driver.current_url
    if address in AXE_CHECKED or driver.execute_script("return document.contentType") != "text/html":
        return  # checked already, or not a page (the API's JSON as Chromium shows it)
    AXE_CHECKED.add(address)
    found = AXE.run(driver)
    bad = [v for v in found["violations"] if v["impact"] in ("critical", "serious")]
    report = "; ".join(f'{v["id"]} ({v["impact"]}): ' + ", ".join(n["target"][0] for n in v["nodes"][:5]) for v in bad)
    assert not bad, f"axe on {name} ({address}): {report}"


def within_policy(name):
    """Nothing on the pages shown since the last look was blocked by the content security policy: Chromium reports each
    blocked style or script on its console (issue 14: the policy allows the site's stylesheet and no script)."""
    blocked = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
    assert not blocked, f"the content security policy blocked something by {name} ({driver.current_url}): {blocked[:3]}"


def shot(name):
    """Both sizes of the page now shown, after axe has checked it and the console has shown nothing blocked."""
    global steps
    accessible(name)
    within_policy(name)
    steps += 1
    driver.save_screenshot(f"{OUT}/{PREFIX}-{steps:02d}-{name}-1366.png")
    driver.set_window_size(390, 844)
    driver.save_screenshot(f"{OUT}/{PREFIX}-{steps:02d}-{name}-390.png")
    driver.set_window_size(1366, 900)


def printed(name):
    """The page now shown, printed on A4 by Chromium and read back as text (empty without poppler's pdftotext)."""
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
    open(f"{OUT}/{name}.pdf", "wb").write(pdf)
    if not shutil.which("pdftotext"):
        return ""
    return subprocess.run(["pdftotext", "-layout", f"{OUT}/{name}.pdf", "-"], capture_output=True, text=True).stdout


def healthy():
    with urllib.request.urlopen(BASE + "/healthz", timeout=30) as answer:
        return answer.status == 200


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def gone(element):
    """True once `element` no longer belongs to the page shown. Chromium says so with a stale-element error or, for a
    page replaced by a 413 answer, with "Node … does not belong to the document"; both mean the old page is gone."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def follow(element):
    """Clicks a link or a submit button and waits until the next page has replaced this one: a click returns before
    the browser has navigated, and reading the URL or the page too early reads the old one."""
    navigate(element.click)


def navigate(action):
    """Runs `action` (a click, Enter in a field) and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 120).until(lambda d: gone(old))
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.readyState") == "complete")


def type_into(name, value, scope=None):
    field = (scope or driver).find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def sign_in(user):
    driver.delete_all_cookies()
    driver.get(BASE + "/staff/login")
    type_into("username", user)
    type_into("password", PASSWORDS[user])
    follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/login'] button[type=submit]"))
    assert driver.current_url.rstrip("/").endswith("/staff"), f"{user} was not signed in: {driver.current_url}"




def fill_application(name, title, id_number, phone, form, delivery):
    """Fills in who applies (a person, by passport) and what for, on the public or the staff form."""
    Select(driver.find_element(By.NAME, "applicantType")).select_by_value("natural-person")
    type_into("name", name)
    Select(driver.find_element(By.NAME, "idType")).select_by_value("passport")
    type_into("idNumber", id_number)
    type_into("phone", phone)
    type_into("infoTitle", title)
    Select(driver.find_element(By.NAME, "formWanted")).select_by_value(form)
    Select(driver.find_element(By.NAME, "delivery")).select_by_value(delivery)


def apply_online(name, title, kind="disclosure", description=""):
    """A resident applies to the demo subdistrict online; returns the tracking number shown."""
    driver.get(f"{BASE}/a/{CODE}/apply")
    Select(driver.find_element(By.NAME, "kind")).select_by_value(kind)
    if description:
        type_into("infoDescription", description)
    fill_application(name, title, "E98765432", "13912345678", form="electronic", delivery="online")
    follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
    tracking = re.search(CODE + r"-\d{4}-\d{5}", driver.page_source)
    assert tracking, "no tracking number after applying"
    return tracking.group(0)
