"""Issue 13's forms, walked in a real Chromium against `gongkai serve --demo` on loopback.

An administrator sets the subdistrict's fee payment details and 文号 pattern (a bad pattern is refused beside its
field); the officer sends a fee notice without a finding and is told that no fee is the rule, then with one on an
applicant's first application of the month and is told that it costs nothing; the officer records a lawsuit about
proactive disclosure that concerns no application, first without saying what it is about; on a phone the cases page
fits the screen; a refusal is refused until it states its reason, then sent, and its withheld information is assessed
again (第十八条); a request to correct one's own records is answered on its own path (第四十一条); an answer is put off
to a later date after the applicant's reasons (第三十五条); an oral application is written down, confirmed and printed
for signature, and the help given recorded (第二十九条, 第四十三条).

    python3 issue13_journeys.py BASE_URL SERVER_LOG SCREENSHOT_DIR
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import BASE, CODE, apply_online, driver, fill_application, follow, healthy, shot, sign_in, text, type_into

# 1. The administrator's agency settings: fee payment, the fee pause, the 复议机关 and the 文号 pattern.
sign_in("admin")
driver.get(f"{BASE}/staff/admin/agencies/{CODE}")
assert driver.find_element(By.NAME, "letterNumberPattern").get_attribute("value") == "联芳信公复〔{year}〕{seq}号"
assert driver.find_element(By.NAME, "feeTimeExcluded").is_selected(), "the fee pause is on by default"
type_into("letterNumberPattern", "联芳信公复〔2026〕号")
follow(driver.find_element(By.CSS_SELECTOR, f"form[action$='/agencies/{CODE}'] button[type=submit]"))
assert "文号格式须含一次 {year}" in driver.find_element(By.ID, "letterNumberPattern-error").text
assert driver.find_element(By.NAME, "letterNumberPattern").get_attribute("aria-invalid") == "true"
shot("agency-letter-number-refused")
type_into("letterNumberPattern", "联芳信公复〔{year}〕{seq}号")
type_into("feePayment", "到重庆市沙坪坝区联芳街道便民服务中心3号窗口缴纳，或通过非税收入统一缴款平台缴纳（缴款码随通知送达）。")
follow(driver.find_element(By.CSS_SELECTOR, f"form[action$='/agencies/{CODE}'] button[type=submit]"))
driver.get(f"{BASE}/staff/admin/agencies/{CODE}")
assert "3号窗口" in driver.find_element(By.NAME, "feePayment").get_attribute("value"), "the payment details were not kept"

# 2. A fee notice: no finding, no fee; a first application of the month costs nothing.
tracking = apply_online("赵六", "联芳街道2026年临时救助资金发放明细")
sign_in("lianfang-officer")
driver.get(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
fee = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='fee']]")
follow(fee.find_element(By.TAG_NAME, "button"))
assert "不收费是原则" in text(), text()[:400]
shot("fee-without-finding")
driver.back()
driver.refresh()
fee = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='fee']]")
fee.find_element(By.NAME, "finding").send_keys("申请人本月已就同类事项提出申请多件")
Select(fee.find_element(By.NAME, "scale")).select_by_value("per-application")
follow(fee.find_element(By.TAG_NAME, "button"))
assert "本申请不收费" in text(), text()[:400]

# 3. A lawsuit about proactive disclosure, recorded on its own.
driver.get(BASE + "/staff/reviews")
Select(driver.find_element(By.NAME, "kind")).select_by_value("litigation-direct")
type_into("body", "重庆市沙坪坝区人民法院")
type_into("filedOn", "2026-05-11")
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/reviews'] button[type=submit]"))
assert driver.find_element(By.ID, "subject-error").text.startswith("请写明案件涉及的事项"), text()[:400]
assert driver.find_element(By.NAME, "body").get_attribute("value") == "重庆市沙坪坝区人民法院", "what was typed was lost"
subject = "原告认为本机关未依法主动公开2025年城乡低保资金使用情况（第二十条第（八）项），请求判令公开。" * 3
driver.find_element(By.NAME, "subject").send_keys(subject)
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/reviews'] button[type=submit]"))
assert subject[:40] in text() and "尚未审结" in text(), text()[:600]
shot("review-case-recorded")
driver.set_window_size(390, 844)
driver.get(BASE + "/staff/reviews")
width = driver.execute_script("return document.documentElement.scrollWidth")
assert width <= 390, f"/staff/reviews is {width} px wide on a phone"
driver.set_window_size(1366, 900)

# 4. A refusal lacking its specific reason is refused before its letter is drafted; sent with one, the information
#    withheld comes with its 第十八条 re-assessment date, and an assessment is recorded.
tracking = apply_online("钱七", "联芳街道2026年干部人事任免内部请示")
driver.get(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.3.5")
follow(answer.find_element(By.TAG_NAME, "button"))
assert "须写明不予公开的具体理由" in text(), text()[:300]
driver.back()
driver.refresh()
answer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer']]")
Select(answer.find_element(By.NAME, "result")).select_by_value("3.3.5")
answer.find_element(By.NAME, "detail").send_keys("所申请信息为干部任免的内部请示，属于人事管理内部事务信息。")
follow(answer.find_element(By.TAG_NAME, "button"))
letter = driver.find_element(By.NAME, "letterBody").get_attribute("value")
assert "第十六条第一款、第三十六条第（三）项" in letter and "向重庆市沙坪坝区人民政府申请行政复议" in letter, letter
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
assert "下次复查日期：" in text(), text()[:600]
driver.find_element(By.NAME, "conclusion").send_keys("情势未变，仍属内部人事管理信息，继续不予公开。")
# NB: typed digits land in a date field in the browser's locale order; a person picks the day from the calendar.
driver.execute_script("document.getElementsByName('nextOn')[0].value = '2028-01-05'")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/reassess'] button[type=submit]"))
assert "第十八条复查：情势未变" in text() and "2028-01-05" in text(), text()[:900]
shot("withheld-information-reassessed")

# 5. 第四十一条: a resident asks online for a record about them to be corrected; the officer answers it with its own
#    results, and the letter carries the 文号 and the remedy. It is not a disclosure application: no fee is offered.
tracking = apply_online(
    "孙八", "本人2025年临时救助审批表中的家庭人口数", kind="correction",
    description="审批表记载家庭人口3人，实际为4人（次子2025年3月出生），附出生医学证明复印件。")
sign_in("lianfang-officer")
driver.get(BASE + "/staff/applications?view=all")
follow(driver.find_element(By.PARTIAL_LINK_TEXT, tracking))
assert "更正本人相关政府信息记录的申请（第四十一条）" in text(), text()[:600]
follow(driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='confirm']]//button"))
assert not driver.find_elements(By.XPATH, "//input[@name='move' and @value='fee']"), "a fee is offered on a request for correction"
correction = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='answer-correction']]")
Select(correction.find_element(By.NAME, "result")).select_by_value("corrected")
correction.find_element(By.NAME, "detail").send_keys("已将审批表记载的家庭人口数由3人更正为4人，并据此重新核算救助金额。")
follow(correction.find_element(By.TAG_NAME, "button"))
letter = driver.find_element(By.NAME, "letterBody").get_attribute("value")
assert "本机关已予以更正" in letter and "第四十一条" in letter and "申请行政复议" in letter, letter
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "更正政府信息记录申请答复书"))
assert "联芳信公复〔" in text() and "重新核算救助金额" in text(), text()[:600]
shot("correction-answer-letter")

def register_at_counter(name, title, oral=False):
    """The officer registers an application handed in (or, with `oral`, made orally) at the counter today."""
    driver.get(BASE + "/staff/applications/new")
    fill_application(name, title, "E12312312", "13700001111", form="paper", delivery="collect")
    Select(driver.find_element(By.NAME, "channel")).select_by_value("in-person")
    if oral:
        driver.find_element(By.NAME, "oral").click()
    follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/applications/new'] button[type=submit]"))


# 6. 第三十五条: asked for reasons, the applicant's reasons recorded, the answer put off to a later date with its letter.
#    (Registered at the counter: the public form allows one address 10 applications an hour, and the suite is one.)
register_at_counter("周九", "联芳街道2019年至2026年全部低保审批档案")
ask = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='ask-reasons']]")
ask.find_element(By.NAME, "what").send_keys("您本月已向本机关提出申请37件，涉及2019年以来全部低保审批档案。")
follow(ask.find_element(By.TAG_NAME, "button"))
assert "请您以书面形式说明申请理由" in driver.find_element(By.NAME, "letterBody").get_attribute("value")
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
given = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='reasons-given']]")
given.find_element(By.NAME, "what").send_keys("为开展低保政策执行情况的学术研究，需要完整的历年档案。")
follow(given.find_element(By.TAG_NAME, "button"))
defer = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='defer']]")
driver.execute_script("arguments[0].value = '2027-06-30'", defer.find_element(By.NAME, "until"))
defer.find_element(By.NAME, "what").send_keys("所涉档案约4000卷，需逐卷调取、审查并作个人信息处理。")
follow(defer.find_element(By.TAG_NAME, "button"))
letter = driver.find_element(By.NAME, "letterBody").get_attribute("value")
assert "本机关认为您说明的申请理由合理" in letter and "至2027年6月30日" in letter, letter
follow(driver.find_element(By.CSS_SELECTOR, "form[action$='/move'] button[type=submit]"))
assert "答复期限：2027-06-30" in text() and "确定延迟至2027-06-30答复" in text(), text()[:900]
shot("answer-put-off")

# 7. 第二十九条 and 第四十三条: an oral application written down at the counter, refused until the applicant confirms
#    it; the form printed for the signature; the help given recorded.
register_at_counter("吴十", "联芳街道2026年适老化改造补贴名单", oral=True)
assert "须经申请人核对确认（第二十九条）" in text(), text()[:600]
assert driver.find_element(By.NAME, "name").get_attribute("value") == "吴十", "what was typed was lost"
driver.find_element(By.NAME, "applicantConfirmed").click()
follow(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/applications/new'] button[type=submit]"))
assert "申请人口头提出，工作人员代为填写" in text(), text()[:900]
assist = driver.find_element(By.XPATH, "//form[.//input[@name='move' and @value='assist']]")
assist.find_element(By.NAME, "what").send_keys("申请人视力障碍，工作人员逐项朗读申请表，并提供大字版告知书。")
follow(assist.find_element(By.TAG_NAME, "button"))
assert "提供必要帮助（第四十三条）：申请人视力障碍" in text(), text()[:900]
follow(driver.find_element(By.PARTIAL_LINK_TEXT, "打印申请表"))
assert "政府信息公开申请表" in text() and "代为填写" in text() and "申请人（签名或盖章）" in text(), text()[:900]
shot("oral-application-form")

assert healthy(), "the server no longer answers"
driver.quit()
print(f"browser: issue 13's journeys passed; {browser.steps} screenshots at two sizes")
