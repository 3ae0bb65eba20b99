"""Issue 10's journeys in a real Chromium against a real `gongkai serve --demo` on loopback.

Asserts what a person sees: the URLs that once killed the server answer a page; an officer sends a typed
1,000-character 答复书 and prints it; an editor saves a typed 3,000-character item with a 5 MB PDF; a 22 MB file gets
the Chinese 413 page. Screenshots at 1366x900 and 390x844 go to the folder given. No randomness, no timing asserted.

    python3 issue10_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import base64
import os
import re
import shutil
import subprocess
import sys
import urllib.request

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
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(10)
steps = 0


def shot(name):
    """Both sizes of the page now shown."""
    global steps
    steps += 1
    driver.save_screenshot(f"{OUT}/{steps:02d}-{name}-1366.png")
    driver.set_window_size(390, 844)
    driver.save_screenshot(f"{OUT}/{steps:02d}-{name}-390.png")
    driver.set_window_size(1366, 900)


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
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
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


# 1. The URLs that once ended the server.
driver.get(f"{BASE}/a/{CODE}/catalogue?page=20")
assert "第20页没有信息" in text(), text()[:300]
shot("catalogue-past-the-end")
driver.get(f"{BASE}/search?q=%E4%BD%8E%E4%BF%9D&page=20")
assert driver.title.startswith("搜索"), driver.title
for path in [f"/a/{CODE}/catalogue?page=9223372036854775807", "/api/v1/items?page=4583343807117241856"]:
    driver.get(BASE + path)
    assert "参数 page 有误" in driver.page_source, driver.page_source[:300]
    assert healthy()
shot("catalogue-overflow")

# 2. A resident applies.
driver.get(f"{BASE}/a/{CODE}/apply")
Select(driver.find_element(By.NAME, "applicantType")).select_by_value("natural-person")
type_into("name", "王小明")
Select(driver.find_element(By.NAME, "idType")).select_by_value("passport")
type_into("idNumber", "E98765432")
type_into("phone", "13912345678")
type_into("infoTitle", "联芳街道2019年城乡低保对象名单")
Select(driver.find_element(By.NAME, "formWanted")).select_by_value("electronic")
Select(driver.find_element(By.NAME, "delivery")).select_by_value("online")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
tracking = re.search(CODE + r"-\d{4}-\d{5}", driver.page_source)
assert tracking, "no tracking number after applying"
tracking = tracking.group(0)
shot("applied")

# 3. The officer confirms it and answers with a typed 1,000-character letter, then prints it.
sign_in("lianfang-officer")
driver.get(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.1")
answer.find_element(By.NAME, "detail").send_keys("通过本平台网上获取")
follow(answer.find_element(By.TAG_NAME, "button"))
paragraph = ("你申请公开的“联芳街道2019年城乡低保对象名单”属于本机关公开的政府信息。根据《中华人民共和国政府信息公开条例》"
             "第三十六条第（一）项的规定，现予以公开，请通过本平台网上获取。")
letter = (paragraph * 20)[:1000]
type_into("letterBody", letter)
shot("compose-answer")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "答复书"))
assert letter[-50:] in text().replace("\n", ""), "the letter shown is not the letter sent"
shot("letter")
pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
open(f"{OUT}/letter.pdf", "wb").write(pdf)
if shutil.which("pdftotext"):
    printed = subprocess.run(["pdftotext", f"{OUT}/letter.pdf", "-"], capture_output=True, text=True).stdout
    assert "答复书" in printed and "第三十六条" in printed, printed[:300]
    assert "政府信息公开平台" not in printed, "the printed letter carries the site's header"

# 4. The editor saves a typed 3,000-character item and attaches a 5 MB PDF; 22 MB is refused with the limit.
sign_in("lianfang-editor")
driver.get(BASE + "/staff/items/new")
Select(driver.find_element(By.NAME, "categoryID")).select_by_visible_text("公示公告")
type_into("title", "关于2026年第四季度城乡低保对象的公示")
body = (paragraph * 40)[:3000]
driver.find_element(By.NAME, "body").send_keys(body)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/items/new'] button[type=submit]"))
assert "/staff/items/" in driver.current_url and driver.title.startswith("关于2026年第四季度"), driver.title
assert body[-40:] in text().replace("\n", ""), "the item does not show the end of its body"
folder = os.path.join(OUT, "files")
os.makedirs(folder, exist_ok=True)
small, large = os.path.join(folder, "低保对象名单.pdf"), os.path.join(folder, "过大的附件.pdf")
filler = bytes(range(256)) * 4096  # 1 MB, the same every run
with open(small, "wb") as f:
    f.write(b"%PDF-1.4\n" + filler * 5 + b"\n%%EOF\n")
with open(large, "wb") as f:
    f.write(b"%PDF-1.4\n" + filler * 22 + b"\n%%EOF\n")
driver.find_element(By.NAME, "file").send_keys(small)
follow(driver.find_element(By.XPATH, "//form[.//input[@name='file']]//button"))
assert "低保对象名单.pdf" in driver.page_source, "the 5 MB attachment is not listed"
shot("item-with-attachment")
driver.find_element(By.NAME, "file").send_keys(large)
follow(driver.find_element(By.XPATH, "//form[.//input[@name='file']]//button"))
assert driver.title.startswith("提交的内容过大"), driver.title
assert "21 MB" in driver.find_element(By.CSS_SELECTOR, "p.error").text
shot("attachment-too-large")

assert healthy(), "the server no longer answers"
driver.quit()
print(f"browser: issue 10's journeys passed; {steps} screenshots at two sizes in {OUT}")
