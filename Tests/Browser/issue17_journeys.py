"""Issue 17, walked in a real Chromium against `gongkai serve --demo` on loopback.

1. The self-inspection: the district's supervisor opens 网站自查, sees every agency side by side, opens one and reads
   each finding with its indicator, threshold and evidence (the demo's never-used 第二十条 columns are 空白栏目); on a
   phone the page does not scroll sideways; the supervisor, who reads only, is not sent to fix anything.
2. The privacy guard: an editor drafts a real-length 公示 with an identity number and a phone in it, and attaches the
   list as a PDF; the reviewer sees each finding where it is, is refused approval, masks the text with one click,
   approves with a reason for the attachment, publishes; the public page shows the masked numbers only.
3. Redaction for 部分公开: a resident applies online; the officer answers 部分公开 with the information given and two
   passages withheld (a bank account, an internal opinion), reviews the letter and sends it; the resident's status page
   and the letter, read and printed, hold none of the withheld text and list the parts withheld with their grounds;
   staff read the original on the application.
4. The public report checker: from the home page a researcher opens it, uploads four published reports at once (one
   with a number changed, one in GB18030, one as HTML, a real one with errors of its own), reads the summary, follows a
   finding to the cell it names, and prints the result; then pastes a whole report as text; then asks the API.

    python3 issue17_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
import json
import os
import re
import tempfile
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from selenium.webdriver.support.ui import Select

from browser import BASE, OUT, apply_online, driver, follow, printed, shot, sign_in, text, type_into

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")


def fixture(name):
    return open(os.path.join(FIXTURES, name), "rb").read()


# 淮安市's 2024 report with one number changed: 属于国家秘密 for 自然人 printed 3 instead of 2.
original = fixture("huaian-city-2024.txt").decode("utf-8")
line = " | （三）不予公开 | 1.属于国家秘密 | 2 | 0"
assert original.count(line) == 1
changed = original.replace(line, " | （三）不予公开 | 1.属于国家秘密 | 3 | 0")
folder = tempfile.mkdtemp(prefix="gongkai-check-")
uploads = {"淮安市2024年报（改动一处）.txt": changed.encode("utf-8"), "洪泽区2023年报.txt": fixture("huaian-hongze-district-2023.txt"),
           "联芳街道2019年报（GBK）.txt": fixture("lianfang-2019-annual-report.gbk.txt"),
           "联芳街道2019年报.html": fixture("lianfang-2019-annual-report.html")}
for name, data in uploads.items():
    open(os.path.join(folder, name), "wb").write(data)

# From the home page to the checker.
driver.get(BASE + "/")
follow(driver.find_element(By.LINK_TEXT, "核对已公开的年度报告"))
assert "年度报告核对" in driver.title, driver.title
shot("checker-form")

# Four files at once.
driver.find_element(By.ID, "files").send_keys("\n".join(os.path.join(folder, name) for name in uploads))
follow(driver.find_element(By.XPATH, "//form//button[@type='submit']"))
page = text()
rows = driver.find_elements(By.XPATH, "//h2[.='汇总']/following::table[1]//tr[td]")
assert len(rows) == 4, f"the summary has {len(rows)} rows"
summary = {row.find_element(By.TAG_NAME, "a").text: row.text for row in rows}
assert "2处错误" in summary["淮安市2024年报（改动一处）.txt"], summary
assert "2处错误" in summary["洪泽区2023年报.txt"], summary
assert "勾稽关系成立" in summary["联芳街道2019年报（GBK）.txt"], summary
assert "勾稽关系成立" in summary["联芳街道2019年报.html"], summary
assert "三（三）1 属于国家秘密 / 总计：总计为2，但自然人与五类法人或其他组织之和为3（相差1）" in page, page[:2000]
shot("checker-summary")

# A finding leads to its cell, which is marked and holds the number printed.
finding = driver.find_element(By.PARTIAL_LINK_TEXT, "三（三）1 属于国家秘密 / 总计")
target = finding.get_attribute("href").split("#")[1]
finding.click()
assert driver.current_url.endswith("#" + target), driver.current_url
cell = driver.find_element(By.ID, target)
assert cell.tag_name == "td" and "flagged" in cell.get_attribute("class"), cell.get_attribute("outerHTML")
assert cell.text.startswith("2"), cell.text
top = driver.execute_script("return [arguments[0].getBoundingClientRect().top, innerHeight, scrollY]", cell)
assert -2 <= top[0] < top[1], f"the cell is not in view after following the finding: {top}"
driver.set_window_size(390, 844)
wide = driver.execute_script("return document.documentElement.scrollWidth")
driver.set_window_size(1366, 900)
assert wide <= 390, f"the result page scrolls sideways on a phone ({wide} px)"
paper = printed("checker-result")
assert not paper or ("属于国家秘密 / 总计" in paper and "汇总" in paper), paper[:600]
assert not paper or "粘贴报告全文" not in paper, "the printed result carries the form"

# A whole report pasted as text (real length: the body arrives in pieces over the socket).
driver.get(BASE + "/tools/report-check")
box = driver.find_element(By.ID, "text")
driver.execute_script("arguments[0].value = arguments[1]", box, changed)
box.send_keys(" ")
follow(driver.find_element(By.XPATH, "//form//button[@type='submit']"))
page = text()
assert "粘贴的文本" in page and "按2021年格式读出；2024年度；淮安市人民政府" in page and "2处错误" in page, page[:1500]
shot("checker-pasted")

# The API: the same report as the body; a text that is no report is a 422 saying why.
request = urllib.request.Request(BASE + "/api/v1/report-check", data=changed.encode("utf-8"), headers={"Content-Type": "text/plain; charset=utf-8"})
answer = json.load(urllib.request.urlopen(request, timeout=30))
assert {f["cell"] for f in answer["findings"] if f["severity"] == "error"} == {"三（三）1 属于国家秘密 / 总计", "三（七）总计 / 自然人"}, answer["findings"]
try:
    urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/report-check", data="你好".encode("utf-8")), timeout=30)
    raise AssertionError("a text that is no report was accepted")
except urllib.error.HTTPError as refused:
    assert refused.code == 422 and "未找到年度报告" in refused.read().decode("utf-8")

# 1. The self-inspection.
sign_in("district-supervisor")
follow(driver.find_element(By.LINK_TEXT, "网站自查"))
agencies = driver.find_elements(By.XPATH, "//table//tr[td]")
assert len(agencies) >= 6, f"{len(agencies)} agencies in the district's table"
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "联芳街道"))
page = text()
assert "依据政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）" in page and "链接可用性：" in page, page[:600]
assert "空白栏目（开设以来从未发布信息）达5个" in page and "」：从未发布信息" in page, page[:2000]
assert "去整改" not in page, "a supervisor is sent to fix"
shot("inspection-agency")
driver.set_window_size(390, 844)
wide = driver.execute_script("return document.documentElement.scrollWidth")
driver.set_window_size(1366, 900)
assert wide <= 390, f"the inspection scrolls sideways on a phone ({wide} px)"

# 2. The privacy guard.
ID, PHONE = "11010519491231002X", "13912345678"
TITLE = "联芳街道2026年第四季度城乡最低生活保障对象公示"
intro = "经社区评议、街道审核，拟将下列家庭纳入城乡低保保障范围，现予公示。公示期间如有异议，请向联芳街道社会事务办公室反映。\n"
rows = "".join(f"{n}. {name}，{place}社区，家庭人口{n % 4 + 1}人，保障金额{630 * (n % 4 + 1)}.00元\n"
               for n, (name, place) in enumerate([("吴*德", "土湾"), ("王*芳", "联芳"), ("李*军", "童家桥"), ("张*华", "土湾")] * 12, 1))
planted = f"49. 陈*明，联芳社区，家庭人口1人，身份证号{ID}，联系电话{PHONE}\n"
# A mistyped address of an earlier list on this site, and the policy on another site (not opened without leave).
DEAD = "/a/11500106009208537T/items/00000000-0000-4000-8000-000000000031"
POLICY = "http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm"
body = (intro + rows + planted + "公示时间：2026年12月7日至2026年12月15日（7个工作日）。索引号11500106009208537T/2026-00031。\n"
        + f"上一季度公示见{BASE}{DEAD}，政策依据见{POLICY}。")
sign_in("lianfang-editor")
follow(driver.find_element(By.LINK_TEXT, "起草公开信息"))
Select(driver.find_element(By.NAME, "categoryID")).select_by_visible_text("公示公告")
type_into("title", TITLE)
driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, "body"), body)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/items/new'] button[type=submit]"))
item = driver.current_url
pdf_text = f"Tel {PHONE}"
content = f"BT /F1 12 Tf 10 50 Td ({pdf_text}) Tj ET".encode()
pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 100]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
       b"4 0 obj<</Length " + str(len(content)).encode() + b">>stream\n" + content + b"\nendstream endobj\n"
       b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
open(os.path.join(folder, "低保对象名单.pdf"), "wb").write(pdf)
driver.find_element(By.NAME, "file").send_keys(os.path.join(folder, "低保对象名单.pdf"))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='file']]//button"))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='submit']]//button"))

sign_in("lianfang-reviewer")
driver.get(item)
found = driver.find_element(By.ID, "privacy").text
assert "正文第50行第25字：居民身份证号码（遮盖为「110105********002X」）" in found, found
assert "附件「低保对象名单.pdf」第1行第5字：手机号码" in found, found
shot("privacy-findings")
approve = driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='approve']]")
approve.find_element(By.NAME, "confirmedReview").click()
follow(approve.find_element(By.TAG_NAME, "button"))
assert "发现个人信息，不能审核通过" in driver.find_element(By.ID, "refusal").text
follow(driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='mask']]//button"))
found = driver.find_element(By.ID, "privacy").text
assert "正文" not in found and "附件「低保对象名单.pdf」" in found, found
approve = driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='approve']]")
approve.find_element(By.NAME, "confirmedReview").click()
approve.find_element(By.NAME, "privacyReason").send_keys("附件为申请人本人同意公开的联系电话，经法制审核可以公开。")
follow(approve.find_element(By.TAG_NAME, "button"))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='publish']]//button"))
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "门户"))
public = driver.page_source
assert ID not in public and PHONE not in public and "110105********002X" in public and "139****5678" in public, "the public page keeps a number"
shot("privacy-published-masked")
assert driver.find_element(By.LINK_TEXT, POLICY).get_attribute("href") == POLICY, "an address in the text is not a link"

# 1 (continued). The link check: the editor checks the agency's links; the mistyped address is found on the 公示's page.
sign_in("lianfang-editor")
follow(driver.find_element(By.LINK_TEXT, "网站自查"))
assert "链接可用性：尚未检查。" in text(), text()[:800]
follow(driver.find_element(By.XPATH, "//button[.='检查链接']"))
page = text()
assert re.search(r"链接可用性：\d{4}-\d\d-\d\d \d\d:\d\d检查了\d+个页面上的\d+个链接，1个无法打开。", page), page[:1200]
assert "外部链接1个未检查（管理员未允许对外检查）" in page, page[:1200]
assert f"上的链接 {DEAD}：HTTP 404" in page, page[:3000]
shot("inspection-links")
driver.set_window_size(390, 844)
wide = driver.execute_script("return document.documentElement.scrollWidth")
driver.set_window_size(1366, 900)
assert wide <= 390, f"the inspection with its link check scrolls sideways on a phone ({wide} px)"
row = driver.find_element(By.XPATH, f"//tr[td[contains(., '{DEAD}')]]")
follow(row.find_element(By.LINK_TEXT, "去整改"))
assert "/staff/items/" in driver.current_url and TITLE in text(), driver.current_url

# 3. Redaction for 部分公开.
ACCOUNT, OPINION = "6222021234567890123", "承办科室内部审批意见：建议同意，待分管领导签批。"
tracking = apply_online("周九", "联芳街道2026年第三季度城乡低保资金发放明细")
secret = re.search(r"查询码\s*([2-9A-Z]{12})", text()).group(1)
sign_in("lianfang-officer")
driver.get(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
application = driver.current_url
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.2")
given = ("2026年第三季度城乡低保资金发放明细：共发放126户、保障金合计18.9万元；其中吴某德户，银行账号" + ACCOUNT
         + "，发放1,260元；王某芳户，发放1,890元。" + OPINION)
driver.execute_script("arguments[0].value = arguments[1]", answer.find_element(By.NAME, "detail"), given)
driver.execute_script("arguments[0].value = arguments[1]", answer.find_element(By.NAME, "withheld"),
                      "银行账号" + ACCOUNT + "｜第十五条\n" + OPINION + "｜第十六条")
follow(answer.find_element(By.TAG_NAME, "button"))
draft = text()
assert ACCOUNT not in draft and "【此处依据第十五条不予公开】" in draft, draft[:800]
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
assert ACCOUNT in text() and "提供信息原文（含不予公开部分）" in text(), "staff do not see the original"
shot("redaction-staff")
driver.delete_all_cookies()
driver.get(BASE + "/status")
type_into("trackingNumber", tracking)
type_into("secret", secret)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/status'] button[type=submit]"))
assert ACCOUNT not in driver.page_source and "分管领导" not in driver.page_source
follow(driver.find_element(By.XPATH, "//li[contains(., '答复书')]//button"))
letter = driver.page_source
assert ACCOUNT not in letter and "分管领导" not in letter and "【此处依据第十六条不予公开】" in letter, text()[:800]
assert "第2处：依据《中华人民共和国政府信息公开条例》第十六条" in text(), text()[:1200]
shot("redaction-letter")
paper = printed("redaction-letter")
assert not paper or (ACCOUNT not in paper and "此处依据第十五条不予公开" in paper.replace("\n", "")), paper[:600]

print("issue 17: redaction — answered 部分公开 with two passages withheld; the applicant's status, letter and printout hold none of them — walked")
print("issue 17: the self-inspection — the district side by side, an agency's findings with their evidence, a link check finding a dead link — walked")
print("issue 17: the privacy guard — findings in place, refused, masked, approved with a reason, published masked — walked")
print("issue 17: the report checker — four uploads with a summary, a finding to its cell, printed, pasted text, the API — walked")
