"""Issue 15: day one of a real agency, walked in Chromium against `gongkai serve` without the demo.

run.sh first runs, as an operator would, `gongkai setup` (site name, top agency, first administrator with a made
password), `agency import` of a GB18030 CSV, `item import` of last year's items with a PDF attachment, `application
import` of the old ledger and `verify`, then starts the server on that database. This walk reads the portal as a
resident (the site's own name, the agency tree, an imported item with its 索引号 and attachment, the guide, search) and
signs the administrator in with the password setup printed once (the agencies, the carried-over application).

    python3 dayone_journey.py BASE_URL ACCOUNTS_FILE SCREENSHOT_DIR FIXTURES_DIR
"""
import os
import sys
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from browser import BASE, PASSWORDS, driver, follow, healthy, navigate, shot, text, type_into

FIXTURES = sys.argv[4]
SITE = "重庆市九龙坡区政府信息公开平台"
BUREAU = "重庆市九龙坡区民政局"
NOTICE = "关于2025年第四季度城乡最低生活保障对象的公示"
ATTACHMENT = "2025年第四季度低保名单.pdf"

# 1. The home: the site's name from setup, the agency tree from the CSV, last year's items.
driver.get(BASE + "/")
assert driver.find_element(By.CSS_SELECTOR, "header.site a").text == SITE, driver.find_element(By.CSS_SELECTOR, "header.site a").text
assert "重庆市九龙坡区谢家湾街道办事处" in text() and NOTICE in text()
shot("home")

# 2. The bureau's home and its guide, as imported.
follow(driver.find_element(By.LINK_TEXT, BUREAU))
assert "023-68780000" in text() and "重庆市九龙坡区杨家坪正街18号" in text(), text()[:500]
shot("agency")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "公开指南"))
assert "一、公开的主体和范围" in text() and "三、依申请公开" in text()

# 3. The imported notice: its 索引号 kept from the old portal, the text, the attachment that downloads as it was.
driver.get(BASE + "/")
follow(driver.find_element(By.LINK_TEXT, NOTICE))
assert "11500107MB1502151C/2025-00003" in text() and "公示期为2025年12月3日至2025年12月9日" in text(), text()[:800]
link = driver.find_element(By.PARTIAL_LINK_TEXT, ATTACHMENT)
with urllib.request.urlopen(urllib.parse.urljoin(driver.current_url, link.get_attribute("href")), timeout=30) as answer:
    served = answer.read()
with open(os.path.join(FIXTURES, "files", ATTACHMENT), "rb") as original:
    assert served == original.read(), "the attachment is served as it was imported"
shot("item")

# 4. Search finds an item assigned its 索引号 by the agency's pattern.
driver.get(BASE + "/")
type_into("q", "临时救助")
navigate(lambda: driver.find_element(By.NAME, "q").submit())
assert "重庆市九龙坡区临时救助实施细则" in text().replace("\n", ""), text()[:800]
shot("search")

# 5. The administrator made by setup signs in with the password it printed once.
driver.delete_all_cookies()
driver.get(BASE + "/staff/login")
type_into("username", "jlp-admin")
type_into("password", PASSWORDS["jlp-admin"])
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/login'] button[type=submit]"))
assert driver.current_url.rstrip("/").endswith("/staff"), driver.current_url
driver.get(BASE + "/staff/admin")
assert "谢家湾社区居民委员会" in text() and BUREAU in text()
shot("admin")
driver.get(BASE + "/staff/applications")
assert "JLPMZ-2025-002" in text() and "重庆某建设有限公司" in text(), "last year's open application is on the desk"
shot("desk")
assert healthy()
driver.quit()
print("dayone_journey: ok")
