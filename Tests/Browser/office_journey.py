"""The back office's journeys (issue 12), walked in a real Chromium against `gongkai serve --demo` on loopback.

The editor drafts an item with a typed 3,000-character body and a 5 MB PDF and submits it; the reviewer is refused
approval without the 保密审查 box, returns it once with a reason, then approves with the box and publishes; the item
is on the portal, in search and in the Atom feed. The office head confirms an online application and extends it. A
supervisor reads the district roll-up and is offered nothing to write. The administrator creates an agency, a
category and an account, and issues the account an API token. axe checks every page shown.

    python3 office_journey.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser import BASE, CODE, OUT, apply_online, driver, follow, healthy, navigate, shot, sign_in, text, type_into

TITLE = "关于联芳街道2026年冬季供暖保障和燃气安全检查工作的通知"
PARAGRAPH = ("为切实做好辖区2026年冬季供暖保障和燃气安全工作，街道办事处会同各社区居民委员会、物业服务企业，"
             "对辖区老旧小区供暖管网、燃气设施开展全面排查，对发现的问题建立台账、限期整改。居民如遇供暖不热、"
             "燃气异味等情况，可拨打街道值班电话反映。")


def action(value):
    """The review step's form on an item's staff page."""
    return driver.find_element(By.XPATH, f"//form[.//input[@name='action' and @value='{value}']]")


def state():
    return driver.find_element(By.XPATH, "//table[@class='meta']//th[.='状态']/following-sibling::td").text


# 1. The editor drafts, attaches a 5 MB PDF and submits.
sign_in("lianfang-editor")
follow(driver.find_element(By.LINK_TEXT, "起草公开信息"))
Select(driver.find_element(By.NAME, "categoryID")).select_by_visible_text("政策文件")
type_into("title", TITLE)
body = (PARAGRAPH * 40)[:3000]
driver.find_element(By.NAME, "body").send_keys(body)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/items/new'] button[type=submit]"))
item = driver.current_url
assert state() == "草稿" and body[-40:] in text().replace("\n", ""), "the draft lost the end of its body"
pdf = os.path.join(OUT, "files", "供暖保障工作方案.pdf")
os.makedirs(os.path.dirname(pdf), exist_ok=True)
with open(pdf, "wb") as f:
    f.write(b"%PDF-1.4\n" + bytes(range(256)) * 4096 * 5 + b"\n%%EOF\n")
driver.find_element(By.NAME, "file").send_keys(pdf)
follow(driver.find_element(By.XPATH, "//form[.//input[@name='file']]//button"))
assert "供暖保障工作方案.pdf" in text(), "the attachment is not listed"
follow(action("submit").find_element(By.TAG_NAME, "button"))
assert state() == "待审核", state()
shot("editor-submitted")

# 2. The reviewer: refused without the 保密审查 box, returns once with a reason.
sign_in("lianfang-reviewer")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, TITLE))
follow(action("approve").find_element(By.TAG_NAME, "button"))
assert "请先确认已进行保密审查" in driver.find_element(By.ID, "refusal").text, "approval without the box was not refused in Chinese"
assert state() == "待审核" and action("approve"), "the refusal is not shown on the item's page with the step to take again"
assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", driver.find_element(By.TAG_NAME, "main").text), "an English sentence on the refusal"
shot("approval-refused-without-review")
driver.get(item)
reason = "请在正文中补充街道值班电话号码和燃气抢修电话，并注明检查时间安排。"
action("return").find_element(By.NAME, "reason").send_keys(reason)
follow(action("return").find_element(By.TAG_NAME, "button"))
assert state() == "已退回" and reason in text(), "the return and its reason are not shown"
shot("returned-with-reason")

# The editor sees the reason and submits again.
sign_in("lianfang-editor")
driver.get(item)
assert reason in text()
follow(action("submit").find_element(By.TAG_NAME, "button"))
assert state() == "待审核"

# 3. The reviewer approves with the box and publishes.
sign_in("lianfang-reviewer")
driver.get(item)
approve = action("approve")
approve.find_element(By.NAME, "confirmedReview").click()
follow(approve.find_element(By.TAG_NAME, "button"))
assert state() == "审核通过", state()
follow(action("publish").find_element(By.TAG_NAME, "button"))
assert state() == "已发布", state()
assert "退回修改" in text() and "审核通过" in text(), "the history does not name the steps in Chinese"
shot("published")

# On the portal, in search and in the Atom feed.
follow(driver.find_element(By.LINK_TEXT, "在门户网站查看"))
assert driver.find_element(By.TAG_NAME, "h1").text == TITLE and "供暖保障工作方案.pdf" in text()
shot("item-on-the-portal")
box = driver.find_element(By.ID, "site-q")
box.send_keys("冬季供暖保障")
navigate(lambda: box.send_keys(Keys.ENTER))
assert TITLE in text(), "search does not find the new item"
shot("item-in-search")
driver.get(f"{BASE}/a/{CODE}/feed.atom")
assert TITLE in driver.page_source, "the Atom feed does not carry the new item"

# 4. The office head confirms an online application and extends it (第三十三条).
tracking = apply_online("赵六", "联芳街道2026年城市更新项目征收补偿方案")
sign_in("lianfang-head")
driver.get(BASE + "/staff")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
before = re.search(r"答复期限：(\d{4}-\d{2}-\d{2})", text()).group(1)
extend = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='extend']]")
follow(extend.find_element(By.TAG_NAME, "button"))
if driver.find_elements(By.NAME, "letterBody"):
    assert "第三十三条" in driver.find_element(By.NAME, "letterBody").get_attribute("value")
    follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
after = re.search(r"答复期限：(\d{4}-\d{2}-\d{2})", text()).group(1)
assert after > before and "延期答复" in text(), (before, after)
shot("extended")

# 5. A supervisor reads the district roll-up and is offered nothing to write.
sign_in("district-supervisor")
follow(driver.find_element(By.LINK_TEXT, "年度报告"))
assert "辖区合计" in text() and "重庆市沙坪坝区联芳街道办事处" in text(), "no roll-up"
forms = driver.find_elements(By.CSS_SELECTOR, "main form[method=post]:not([action$='/logout'])")
assert not forms, "a supervisor is offered: " + ", ".join(f.get_attribute("action") for f in forms)
shot("supervisor-rollup")

# 6. The administrator: an agency, a category, an account and its API token.
sign_in("admin")
follow(driver.find_element(By.LINK_TEXT, "机构和账号"))
follow(driver.find_element(By.LINK_TEXT, "新建机关"))
type_into("code", "11500106MB0000001X")
type_into("name", "重庆市沙坪坝区井口镇人民政府")
Select(driver.find_element(By.NAME, "kind")).select_by_visible_text("镇")
Select(driver.find_element(By.NAME, "parent")).select_by_visible_text("重庆市沙坪坝区人民政府")
type_into("phone", "023-65270000")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/agencies/new'] button[type=submit]"))
assert "重庆市沙坪坝区井口镇人民政府" in text(), "the new agency is not listed"
shot("agency-created")
driver.get(f"{BASE}/staff/admin/agencies/11500106MB0000001X/categories")
type_into("name", "乡村振兴")
type_into("article", "第二十条第（十五）项")
follow(driver.find_element(By.XPATH, "//form[.//input[@name='article']]//button"))
assert driver.find_elements(By.CSS_SELECTOR, "input[name=name][value='乡村振兴']"), "the new category is not listed"
shot("category-created")
driver.get(BASE + "/staff/admin")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "新建账号"))
type_into("username", "jingkou-officer")
type_into("displayName", "井口镇依申请经办人")
Select(driver.find_element(By.NAME, "role")).select_by_visible_text("依申请公开经办人")
Select(driver.find_element(By.NAME, "agency")).select_by_visible_text("重庆市沙坪坝区井口镇人民政府")
type_into("password", "Jingkou-2026-secure")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/accounts/new'] button[type=submit]"))
assert "jingkou-officer" in text(), "the new account is not listed"
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "jingkou-officer"))
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/token'] button"))
token = re.search(r"[A-Za-z0-9_-]{32,}", driver.find_element(By.TAG_NAME, "main").text)
assert token, "no token shown once"
shot("token-issued")

assert healthy()
driver.quit()
print("office journeys: draft with a 5 MB PDF, refused without 保密审查, returned, approved, published (portal, search, Atom); extension by the office head; supervisor roll-up; admin agency, category, account, token — passed")
