"""Issue 12's defects, walked in a real Chromium against `gongkai serve --demo` on loopback.

A keyboard user reaches the skip link; the officer finds the online application on the 工作台, confirms it, is offered
only the moves the law allows, sends a typed 600-character 补正 notice (the clock then says it waits, not that 20 days
remain), records the clarification and answers with a refusal whose letter cites its ground; a supervisor is offered
nothing to write; a community links to its subdistrict's form; on a phone no page is wider than the screen.

    python3 issue12_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import base64
import re
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import browser
from browser import BASE, CODE, apply_online, driver, follow, healthy, shot, sign_in, text, type_into


def offered():
    """The moves the application's page offers, in order."""
    return [field.get_attribute("value") for field in driver.find_elements(By.CSS_SELECTOR, "form.move input[name=move]")]


def fits_a_phone(path):
    """At 390 px the page scrolls only vertically: wide tables scroll inside themselves."""
    driver.set_window_size(390, 844)
    driver.get(BASE + path)
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    driver.set_window_size(1366, 900)
    assert width[0] <= width[1], f"{path} is {width[0]} px wide on a {width[1]} px phone"


# 1. The skip link appears when a keyboard user tabs into the page.
driver.get(BASE + "/")
driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
skip = driver.switch_to.active_element
assert skip.text == "跳到正文", skip.text
assert skip.rect["x"] >= 0 and skip.is_displayed(), f"the focused skip link is off screen at {skip.rect}"
shot("skip-link-focused")

# 2. The officer: the 工作台 lists the online application; only lawful moves are offered at each step.
tracking = apply_online("李四", "联芳街道2025年临时救助对象名单")
sign_in("lianfang-officer")
assert "待确认收到的网上申请" in text(), text()[:300]
shot("desk-with-unconfirmed")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
assert offered() == ["confirm", "assist", "withdraw"], offered()
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
assert offered() == ["clarify", "consult", "fee", "ask-reasons", "reasons-given", "defer", "assist", "answer", "withdraw"], offered()
clarify = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='clarify']]")
what = ("请补充所需信息的具体年份、所涉社区名称以及获取信息的用途说明以外的特征描述，"
        "例如文件标题、发文字号或者公示时间，以便本机关准确检索。") * 12
what = what[:600]
clarify.find_element(By.NAME, "what").send_keys(what)
follow(clarify.find_element(By.TAG_NAME, "button"))
assert what[-30:] in driver.find_element(By.NAME, "letterBody").get_attribute("value"), "the 补正 letter lost the typed text"
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
page = text()
assert "等待申请人补正" in page and "剩余" not in page, page[:500]
assert offered() == ["clarified", "clarify-expired", "ask-reasons", "reasons-given", "assist", "withdraw"], offered()
shot("waiting-for-clarification")
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='clarified']]//button"))
assert "剩余20个工作日" in text(), text()[:500]
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.3.4")
answer.find_element(By.NAME, "detail").send_keys("名单含有个人身份信息和家庭经济状况，经征求意见，公开会损害第三方合法权益。")
follow(answer.find_element(By.TAG_NAME, "button"))
assert "第十五条" in driver.find_element(By.NAME, "letterBody").get_attribute("value"), "the refusal does not cite its ground"
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
assert offered() == [] and "已答复" in text(), text()[:300]
application = driver.current_url
shot("answered-refusal")

# The refusal letter, opened and printed: one A4 page of letter, no web header, the applicant's name and the article.
follow(driver.find_elements(By.XPATH, "//h2[.='告知书和答复书']/following-sibling::*[1]//a")[-1])
shot("refusal-letter")
pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
with open(f"{browser.OUT}/refusal-letter.pdf", "wb") as f:
    f.write(pdf)
pages = subprocess.run(["pdfinfo", f"{browser.OUT}/refusal-letter.pdf"], capture_output=True, text=True, check=True).stdout
assert re.search(r"^Pages:\s+1$", pages, re.M), pages
printed = subprocess.run(["pdftotext", f"{browser.OUT}/refusal-letter.pdf", "-"], capture_output=True, text=True, check=True).stdout
assert "李四" in printed and "第十五条" in printed, printed[:400]
# Issue 13: the 文号 under the title and the 复议机关 by name (the district government above the subdistrict).
assert re.search(r"联芳信公复〔\d{4}〕\d+号", printed), printed[:400]
assert "向重庆市沙坪坝区人民政府申请行政复议" in printed.replace("\n", ""), printed[-600:]
# The agency and the date stand right-aligned at the foot, as on a sealed letter (the draft went out as drafted).
laid_out = subprocess.run(["pdftotext", "-layout", f"{browser.OUT}/refusal-letter.pdf", "-"], capture_output=True, text=True, check=True).stdout
assert re.search(r"^\s{30,}重庆市沙坪坝区联芳街道办事处\s*$", laid_out, re.M), laid_out[-400:]
assert "政府信息公开平台" not in printed and "退出" not in printed, "the printed letter carries the site's header"

# 3. A supervisor reads everything and is offered nothing to write.
sign_in("district-supervisor")
assert not driver.find_elements(By.CSS_SELECTOR, "a[href='/staff/items/new']"), "a supervisor is offered 起草公开信息"
driver.get(BASE + "/staff/applications")
assert not driver.find_elements(By.CSS_SELECTOR, "a[href='/staff/applications/new']"), "a supervisor is offered 登记申请"
driver.get(application)
forms = driver.find_elements(By.CSS_SELECTOR, "main form[method=post]:not([action$='/logout'])")
assert offered() == [] and not forms, "a supervisor is offered a form: " + ", ".join(f.get_attribute("action") for f in forms)
shot("supervisor-reads")

# 4. A community's 申请公开 leads to its subdistrict's form, not to a 404.
driver.get(BASE + "/a/11500106L0001")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "申请公开"))
assert driver.current_url.endswith(f"/a/{CODE}/apply") and driver.find_elements(By.NAME, "infoTitle"), driver.current_url
shot("community-applies-upward")

# 5. On a phone no page is wider than the screen (the tables scroll inside themselves).
sign_in("lianfang-officer")
for path in ["/staff", "/staff/applications?view=all", f"/a/{CODE}/catalogue", f"/a/{CODE}/reports"]:
    fits_a_phone(path)

assert healthy(), "the server no longer answers"
driver.quit()
print(f"browser: issue 12's journeys passed; {browser.steps} screenshots at two sizes")
