"""Prints an API token for a demo account, issued by the demo administrator through the back office as a person would
(sign in, open the account, issue). Usage: issue_token.py BASE_URL SERVER_LOG USERNAME"""
import re
import sys

import requests

base, log, username = sys.argv[1], sys.argv[2], sys.argv[3]
passwords = dict(line.split()[:2] for line in open(log, encoding="utf-8") if line.startswith("  "))
session = requests.Session()


def csrf(page):
    found = re.search(r'name="_csrf" value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found.group(1)


login = session.get(base + "/staff/login").text
answer = session.post(base + "/staff/login", data={"username": "admin", "password": passwords["admin"], "_csrf": csrf(login)})
assert answer.ok, f"the administrator could not sign in: {answer.status_code}"
admin = session.get(base + "/staff/admin").text
account = re.search(r'href="(/staff/admin/accounts/[0-9A-F-]{36})"[^>]*>[^<]*' + re.escape(username), admin) or re.search(
    r'<tr>(?:(?!</tr>).)*?' + re.escape(username) + r'(?:(?!</tr>).)*?href="(/staff/admin/accounts/[0-9A-F-]{36})"', admin, re.S)
assert account, f"no account {username} on the administrator's page"
page = session.get(base + account.group(1)).text
issued = session.post(base + account.group(1) + "/token", data={"_csrf": csrf(page)})
token = re.search(r"[A-Za-z0-9_-]{32,}", re.sub(r"<[^>]+>", " ", issued.text.split("<main", 1)[-1]))
assert issued.ok and token, f"no token was shown: {issued.status_code}"
print(token.group(0))
