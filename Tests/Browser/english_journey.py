"""The English site (issue 11), walked in a real Chromium against `gongkai serve --demo` on loopback.

A resident finds the English home from the Chinese one, reads an agency and its guide, sends the application form
empty (the problems beside the fields, in English), applies with a real-length Chinese request and looks the
application up. The disclosure officer signs in on the English back office, finds it on the desk and confirms it,
and the 中文 link leads back to the same page in Chinese. axe checks every page shown.

    python3 english_journey.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import BASE, CODE, PASSWORDS, driver, follow, healthy, shot, text, type_into

AGENCY = "重庆市沙坪坝区联芳街道办事处"
REQUEST = "联芳街道2026年城乡居民最低生活保障对象名单、审核程序及资金发放情况" * 3


def h1():
    return driver.find_element(By.TAG_NAME, "h1").text


def lang():
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang")


# 1. From the Chinese home to the English one, then an agency and its guide.
driver.get(BASE + "/")
follow(driver.find_element(By.CSS_SELECTOR, "a.lang"))
assert driver.current_url == BASE + "/en/" and lang() == "en", driver.current_url
assert "Latest published" in text() and "Skip to content" in driver.page_source
shot("home")
follow(driver.find_element(By.LINK_TEXT, AGENCY))
assert "About the agency" in text() and driver.current_url.startswith(BASE + "/en/a/"), driver.current_url
shot("agency")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "Disclosure guide"))
assert h1() == AGENCY + ": disclosure guide (政府信息公开指南)", h1()
assert "Compiled under Article 12" in text()
shot("guide")

# 2. The application form: sent empty, the problems beside the fields; then a real application.
driver.get(f"{BASE}/en/a/{CODE}/apply")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
assert "fields need changing" in text(), text()[:300]
assert driver.find_element(By.ID, "name-error").text == "Give the applicant's name"
assert driver.find_element(By.ID, "name").get_attribute("aria-invalid") == "true"
shot("application-problems")
Select(driver.find_element(By.NAME, "applicantType")).select_by_visible_text("A person (自然人)")
type_into("name", "王晓梅")
Select(driver.find_element(By.NAME, "idType")).select_by_value("passport")
type_into("idNumber", "E98765432")
type_into("phone", "13912345678")
type_into("infoTitle", REQUEST)
Select(driver.find_element(By.NAME, "formWanted")).select_by_visible_text("Electronic")
Select(driver.find_element(By.NAME, "delivery")).select_by_visible_text("Online")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
assert h1() == "Application sent", h1()
number = re.search(CODE + r"-\d{4}-\d{5}", text()).group(0)
secret = driver.find_element(By.XPATH, "//th[.='Look-up code']/following-sibling::td").text
shot("application-sent")
follow(driver.find_element(By.LINK_TEXT, "Look up the progress"))
type_into("trackingNumber", number)
type_into("secret", secret)
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/status'] button[type=submit]"))
assert "Sent, waiting for the agency to confirm receipt" in text(), text()[:400]
assert "To be confirmed" in text()
shot("status")

# 3. The officer, in English: the desk lists it, its page confirms it.
driver.delete_all_cookies()
driver.get(BASE + "/en/staff/login")
assert h1() == "Staff sign-in", h1()
type_into("username", "lianfang-officer")
type_into("password", PASSWORDS["lianfang-officer"])
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/en/staff/login'] button[type=submit]"))
assert driver.current_url.rstrip("/") == BASE + "/en/staff", driver.current_url
assert "Online applications waiting for confirmation" in text(), text()[:400]
shot("desk")
follow(driver.find_element(By.LINK_TEXT, number))
assert h1() == "Application " + number, h1()
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
assert "Being handled" in text() and "Answer due: " in text(), text()[:600]
shot("application-confirmed")

# 4. The same page in Chinese, one click away.
follow(driver.find_element(By.CSS_SELECTOR, "a.lang"))
assert lang() == "zh-CN" and "办理中" in text() and "/en/" not in driver.current_url, driver.current_url
healthy()
print("english journey: home, agency, guide, application (problems, sent, status), desk, confirmation, back to Chinese — passed")
