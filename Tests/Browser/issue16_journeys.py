"""Issue 16, walked in a real Chromium against `gongkai serve --demo` on loopback.

1. A resident applies online choosing 网上获取: the receipt says what was sent and how to follow it, and prints.
2. The officer answers 部分公开 with a real-length reason; the resident looks the application up (number and secret
   posted), reads 「已答复：部分公开」 and its reason in plain words, opens the answer letter there, and prints it; the
   secret is in no address the browser visited.
3. The staff's report page and the district's roll-up show tables 二/三/四 as tables with merged cells and charts; the
   published report on the portal has its charts; each prints with its headings on the same page as their tables.

    python3 issue16_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import os
import struct
import tempfile
import zlib

from browser import BASE, CODE, OUT, apply_online, driver, follow, healthy, printed, shot, sign_in, text, type_into

visited = []


def go(url):
    driver.get(url)
    visited.append(driver.current_url)


# 1. The receipt.
title = "联芳街道2026年第三季度城乡最低生活保障资金发放明细及审批依据"
tracking = apply_online("孙八", title)
visited.append(driver.current_url)
receipt = text()
secret = re.search(r"查询码\s*([2-9A-Z]{12})", receipt).group(1)
for shown in [tracking, title, "网上获取", "查询码只显示这一次", "阅读和打印本机关发给您的告知书、答复书"]:
    assert shown in receipt, f"the receipt does not say {shown}"
shot("receipt")
paper = printed("receipt")
assert not paper or (tracking in paper and secret in paper), paper[:400]

# 2. The officer answers 部分公开; the resident reads it.
sign_in("lianfang-officer")
go(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.2")
reason = ("发放明细中低保对象的身份证号码、银行账号和家庭收入属于个人隐私，公开会对其合法权益造成损害，"
          "依据第十五条不予公开；其余部分（户数、人数、发放金额和审批依据）予以公开，见所附表格。")
answer.find_element(By.NAME, "detail").send_keys(reason)
follow(answer.find_element(By.TAG_NAME, "button"))
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
driver.delete_all_cookies()

go(BASE + "/status")
type_into("trackingNumber", tracking)
type_into("secret", secret)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/status'] button[type=submit]"))
visited.append(driver.current_url)
page = text()
assert "已答复：部分公开" in page, page[:600]
assert "能够作区分处理" in page and "第三十七条" in page, page[:800]
assert "三（二）" not in page, "the status page speaks in table 三's labels"
assert "E98765432" not in page and "13912345678" not in page, "identity data on the status page"
shot("status-answered")
follow(driver.find_element(By.XPATH, "//li[contains(., '答复书')]//button"))
visited.append(driver.current_url)
assert reason[:30] in text().replace("\n", ""), text()[:600]
shot("status-letter")
paper = printed("status-letter")
if paper:
    assert "答复书" in paper and "第三十七条" in paper, paper[:400]
    assert "政府信息公开平台" not in paper and "返回办理进度" not in paper, "the printed letter carries the page's frame"
assert all(secret not in address for address in visited), f"the secret is in an address: {visited}"

# 3. Reports as tables and charts.
sign_in("lianfang-officer")
go(f"{BASE}/staff/reports/{CODE}/2019")
assert driver.find_elements(By.CSS_SELECTOR, ".report table th[rowspan='3'][colspan='3']"), "table 三 is not a table"
assert len(driver.find_elements(By.CSS_SELECTOR, ".report figure.chart svg[role=img]")) == 3, "the report page lacks its charts"
assert not driver.find_elements(By.TAG_NAME, "pre"), "a table shown as text"
shot("staff-report")
sign_in("district-supervisor")
go(f"{BASE}/staff/reports?year=2019")
assert driver.find_elements(By.CSS_SELECTOR, "svg[aria-labelledby^='chart-agencies']"), "the roll-up lacks its agencies chart"
assert driver.find_elements(By.CSS_SELECTOR, ".report table td.n"), "the district totals are not a table"
shot("rollup")
driver.delete_all_cookies()
go(f"{BASE}/a/{CODE}/reports/2019")
assert len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")) == 3, "the published report lacks its charts"
shot("published-report")
paper = printed("published-report")
if paper:
    assert "（三）政府信息管理" not in paper or "请填写" not in paper, "the published report holds a placeholder"
    assert "申请办理结果" in paper, "the charts do not print"


def fits_a_phone(name):
    """At 390 px the page itself does not scroll sideways: wide tables scroll inside their box."""
    driver.set_window_size(390, 844)
    widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    driver.set_window_size(1366, 900)
    assert widths[0] <= widths[1], f"{name} scrolls sideways on a phone: {widths}"


# 4. The back office as a place to work: the navigation by role, the desk's counts, each linked to its list.
sign_in("lianfang-officer")
nav = driver.find_element(By.CSS_SELECTOR, "nav.staff-nav")
assert nav.find_element(By.CSS_SELECTOR, "a[aria-current=page]").text == "工作台", nav.text
assert "起草公开信息" not in nav.text and "审计日志" not in nav.text, f"an officer is offered another role's work: {nav.text}"
tiles = {t.find_element(By.TAG_NAME, "span").text: t for t in driver.find_elements(By.CSS_SELECTOR, "ul.tiles a.tile")}
assert {"待确认收到", "5个工作日内到期", "已逾期"} <= set(tiles), f"the desk lacks its counts: {list(tiles)}"
shot("desk")
fits_a_phone("the desk")
follow(driver.find_element(By.LINK_TEXT, "申请办理"))
assert driver.find_element(By.CSS_SELECTOR, "nav.staff-nav a[aria-current=page]").text == "申请办理"
fits_a_phone("the applications' list")
sign_in("admin")
assert "审计日志" in driver.find_element(By.CSS_SELECTOR, "nav.staff-nav").text

# The emblem: the administrator uploads an image (a red disc drawn here: nothing official ships); every header shows it.
def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"".join(b"\xa4\x00\x00" if (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.2) ** 2 else b"\xff\xff\xff"
                                      for x in range(size)) for y in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


emblem = os.path.join(tempfile.mkdtemp(prefix="gongkai-emblem-"), "区徽.png")
open(emblem, "wb").write(png(96))
go(f"{BASE}/staff/admin/site")
assert "尚未上传徽标。" in text() or driver.find_elements(By.CSS_SELECTOR, "img.emblem-preview"), text()[:600]
driver.find_element(By.ID, "emblem-file").send_keys(emblem)
follow(driver.find_element(By.XPATH, "//form[.//input[@id='emblem-file']]//button"))
assert driver.find_element(By.CSS_SELECTOR, "img.emblem-preview").get_attribute("naturalWidth") == "96"
shot("emblem-settings")
driver.delete_all_cookies()
for page in (f"{BASE}/", f"{BASE}/a/{CODE}", f"{BASE}/elder/a/{CODE}"):
    go(page)
    shown = driver.find_element(By.CSS_SELECTOR, "header.site img.emblem")
    assert shown.get_attribute("naturalWidth") == "96" and shown.size["height"] > 0, f"the emblem is not shown on {page}"
shot("emblem-home")
fits_a_phone("the home page with its emblem")

# 5. The 长辈版: reached from any public page by a link, larger type, one column, by keyboard with a visible focus.
driver.delete_all_cookies()
go(f"{BASE}/a/{CODE}")
standard_size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
follow(driver.find_element(By.LINK_TEXT, "长辈版"))
assert driver.current_url.endswith(f"/elder/a/{CODE}"), driver.current_url
elder_size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
assert elder_size >= 20 and elder_size > standard_size, f"the 长辈版's type is {elder_size}px (standard {standard_size}px)"
page_top = driver.find_element(By.CSS_SELECTOR, ".column-page").location["y"]
columns_top = driver.find_element(By.CSS_SELECTOR, "nav.columns").location["y"]
assert page_top < columns_top, "the 长辈版 puts the column set before the page"
shot("elder-agency")
fits_a_phone("the 长辈版 agency page")
follow(driver.find_element(By.CSS_SELECTOR, "nav.columns a[href$='/guide']"))
assert "/elder/a/" in driver.current_url, f"a link left the 长辈版: {driver.current_url}"
# Keyboard: the first Tab shows the skip link, outlined; Enter goes to the page's content.
body = driver.find_element(By.TAG_NAME, "body")
body.send_keys(Keys.TAB)
focused = driver.switch_to.active_element
assert "skip" in focused.get_attribute("class"), f"the first Tab lands on {focused.tag_name}.{focused.get_attribute('class')}"
outline = driver.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]")
assert outline[0] != "none" and outline[1] >= 2, f"the focus is not visible: {outline}"
assert focused.location["x"] >= 0, "the skip link stays off screen when focused"
focused.send_keys(Keys.ENTER)
assert driver.current_url.endswith("#main"), driver.current_url
follow(driver.find_element(By.LINK_TEXT, "标准版"))
assert "/elder/" not in driver.current_url and driver.current_url.endswith("/guide"), driver.current_url

assert healthy(), "the server no longer answers"
print("issue 16: receipt, plain status, the letter online and printed, report tables and charts, the desk, the emblem, the 长辈版 — walked")
