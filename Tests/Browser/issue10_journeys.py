"""Issue 10's journeys in a real Chromium against a real `gongkai serve --demo` on loopback.

Asserts what a person sees: the URLs that once killed the server answer a page; an officer sends a typed
1,000-character 答复书 and prints it; an editor saves a typed 3,000-character item with a 5 MB PDF; a 22 MB file gets
the Chinese 413 page. Screenshots at 1366x900 and 390x844 go to the folder given. No randomness, no timing asserted.

    python3 issue10_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import base64
import os
import shutil
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import BASE, CODE, OUT, apply_online, driver, follow, healthy, shot, sign_in, text, type_into

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
tracking = apply_online("王小明", "联芳街道2019年城乡低保对象名单")
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
print(f"browser: issue 10's journeys passed; {browser.steps} screenshots at two sizes in {OUT}")
