"""The resident's journey (issue 12), walked in a real Chromium against `gongkai serve --demo` on loopback.

Home → an agency → 公开指南 → the catalogue (a filter, the last page, one past the last) → an item → search (1, 2 and
4 characters, an agency filter, the next page) → the application form (errors beside the fields, what was typed kept)
→ submission → /status with the number and the secret. axe checks every page shown (see browser.accessible).

    python3 resident_journey.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser import BASE, CODE, driver, follow, healthy, navigate, shot, text, type_into

AGENCY = "重庆市沙坪坝区联芳街道办事处"


def h1():
    return driver.find_element(By.TAG_NAME, "h1").text


def pager():
    """The pager's current page number, and whether it offers a next page."""
    current = driver.find_element(By.CSS_SELECTOR, "nav.pages [aria-current=page]").text
    return int(re.search(r"\d+", current).group(0)), bool(driver.find_elements(By.CSS_SELECTOR, "nav.pages a[rel=next]"))


def found():
    """The number of results the search page says it found."""
    return int(re.search(r"共找到(\d+)条结果", text()).group(1))


# 1. Home → the agency → its guide → its catalogue.
driver.get(BASE + "/")
shot("home")
follow(driver.find_element(By.LINK_TEXT, AGENCY))
assert AGENCY in h1(), h1()
shot("agency")
follow(driver.find_element(By.CSS_SELECTOR, "nav.columns").find_element(By.LINK_TEXT, "政府信息公开指南"))
assert h1() == AGENCY + "政府信息公开指南", h1()
assert "第十九条" in text() and "20个工作日" in text(), "the guide says what is published and when"
shot("guide")
follow(driver.find_element(By.CSS_SELECTOR, "nav.crumbs").find_element(By.LINK_TEXT, AGENCY))
follow(driver.find_element(By.CSS_SELECTOR, "nav.columns").find_element(By.LINK_TEXT, "法定主动公开内容"))
assert h1() == AGENCY + "政府信息公开目录", h1()
all_items = int(re.search(r"共(\d+)条", driver.find_element(By.CSS_SELECTOR, "nav.pages").text).group(1))

# A filter: one category, one year; the choice stays selected and narrows the list.
Select(driver.find_element(By.NAME, "category")).select_by_visible_text("公示公告")
Select(driver.find_element(By.NAME, "year")).select_by_value("2026")
follow(driver.find_element(By.XPATH, "//form[.//select[@name='category']]//button"))
assert Select(driver.find_element(By.NAME, "category")).first_selected_option.text == "公示公告"
assert Select(driver.find_element(By.NAME, "year")).first_selected_option.get_attribute("value") == "2026"
filtered = driver.find_elements(By.CSS_SELECTOR, "ul.items > li")
assert 0 < len(filtered) < all_items, f"the filter left {len(filtered)} of {all_items}"
assert all("2026-" in item.text for item in filtered), "an item of another year under 2026"
shot("catalogue-filtered")

# The last page, one click away; then one past it, which says so and leads back.
driver.get(f"{BASE}/a/{CODE}/catalogue")
follow(driver.find_element(By.CSS_SELECTOR, "nav.pages").find_element(By.LINK_TEXT, "末页"))
last, has_next = pager()
assert last > 1 and not has_next, (last, has_next)
assert driver.find_elements(By.CSS_SELECTOR, "ul.items > li"), "the last page is empty"
shot("catalogue-last-page")
driver.get(f"{BASE}/a/{CODE}/catalogue?page={last + 1}")
assert f"第{last + 1}页没有信息" in text(), "one past the last page does not say so"
shot("catalogue-past-the-last")
follow(driver.find_element(By.CSS_SELECTOR, "nav.pages a[rel=prev]"))
assert pager() == (last, False), "上一页 from past the end does not lead to the last page"

# An item.
first = driver.find_element(By.CSS_SELECTOR, "ul.items > li a")
title = first.text
follow(first)
assert h1() == title and "索引号" in text(), "the item page does not show its title and 索引号"
shot("item")

# 2. Search from the header: 1, 2 and 4 characters; then the agency filter and the next page.
box = driver.find_element(By.ID, "site-q")
box.send_keys("低")
navigate(lambda: box.send_keys(Keys.ENTER))
one = found()
assert one > 0, "nothing found for one character"
shot("search-one-character")
counts = {"低": one}
for query in ["低保", "低保对象"]:
    type_into("q", query, scope=driver.find_element(By.CSS_SELECTOR, "main form[role=search]"))
    follow(driver.find_element(By.CSS_SELECTOR, "main form[role=search] button"))
    assert driver.find_element(By.ID, "q").get_attribute("value") == query, "the query is not kept in the box"
    counts[query] = found()
assert counts["低"] >= counts["低保"] >= counts["低保对象"] > 0, counts
shot("search-four-characters")
type_into("q", "低保", scope=driver.find_element(By.CSS_SELECTOR, "main form[role=search]"))
Select(driver.find_element(By.NAME, "agency")).select_by_visible_text(AGENCY)
follow(driver.find_element(By.CSS_SELECTOR, "main form[role=search] button"))
mine = found()
assert 0 < mine <= counts["低保"], (mine, counts)
assert Select(driver.find_element(By.NAME, "agency")).first_selected_option.text == AGENCY
shot("search-filtered")
type_into("q", "低保", scope=driver.find_element(By.CSS_SELECTOR, "main form[role=search]"))
Select(driver.find_element(By.NAME, "agency")).select_by_index(0)
follow(driver.find_element(By.CSS_SELECTOR, "main form[role=search] button"))
assert pager() == (1, True), "the demo's 低保 results fill more than one page"
follow(driver.find_element(By.CSS_SELECTOR, "nav.pages a[rel=next]"))
assert pager()[0] == 2 and found() == counts["低保"], "the second page of results"
assert driver.find_element(By.ID, "q").get_attribute("value") == "低保"
shot("search-page-two")

# 3. The application form: sent half-filled, each problem stands beside its field and what was typed stays.
driver.get(f"{BASE}/a/{CODE}")
follow(driver.find_element(By.CSS_SELECTOR, "nav.columns").find_element(By.LINK_TEXT, "依申请公开"))
type_into("name", "王小红")
type_into("infoTitle", "联芳街道2026年老旧小区改造项目资金使用情况")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
assert "表单有" in text() and "您已填写的内容都保留着" in text(), "no summary of the problems"
invalid = driver.find_elements(By.CSS_SELECTOR, "[aria-invalid=true]")
assert len(invalid) >= 4, f"{len(invalid)} fields marked invalid"
for field in invalid:
    problem = driver.find_element(By.ID, field.get_attribute("aria-describedby"))
    assert problem.is_displayed() and problem.text, f"{field.get_attribute('name')} has no problem shown"
    below = driver.execute_script("return arguments[0].getBoundingClientRect().top - arguments[1].getBoundingClientRect().bottom", problem, field)
    assert 0 <= below < 60, f"the problem of {field.get_attribute('name')} is not beside it ({below}px)"
assert driver.find_element(By.NAME, "name").get_attribute("value") == "王小红"
assert driver.find_element(By.NAME, "infoTitle").get_attribute("value") == "联芳街道2026年老旧小区改造项目资金使用情况"
shot("application-problems")

Select(driver.find_element(By.NAME, "applicantType")).select_by_value("natural-person")
Select(driver.find_element(By.NAME, "idType")).select_by_value("passport")
type_into("idNumber", "E98765432")
type_into("phone", "13912345678")
Select(driver.find_element(By.NAME, "formWanted")).select_by_value("electronic")
Select(driver.find_element(By.NAME, "delivery")).select_by_value("online")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/apply'] button[type=submit]"))
tracking = re.search(CODE + r"-\d{4}-\d{5}", text()).group(0)
secret = driver.find_element(By.XPATH, "//th[.='查询码']/following-sibling::td").text.strip()
assert re.fullmatch(r"[2-9A-HJ-NP-Z]{12}", secret), secret
shot("application-submitted")

# 4. The status page with the number and the secret; a wrong secret tells nothing.
follow(driver.find_element(By.LINK_TEXT, "查询办理进度"))
type_into("trackingNumber", tracking)
type_into("secret", "WRONGSECRET2")
follow(driver.find_element(By.CSS_SELECTOR, "main form[action='/status'] button"))
assert AGENCY not in text() and "待确认" not in text(), "a wrong secret showed the application"
shot("status-wrong-secret")
type_into("trackingNumber", tracking)
type_into("secret", secret)
follow(driver.find_element(By.CSS_SELECTOR, "main form[action='/status'] button"))
assert tracking in text() and AGENCY in text() and "已提交，待确认收到" in text(), "the status page does not show the application"
shot("status")

assert healthy()
driver.quit()
print("resident journey: home, agency, guide, catalogue (filter, last page, past the last), item, search (1, 2, 4 characters, filter, page 2), application (problems beside fields, values kept), status — passed")
