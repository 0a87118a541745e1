#!/usr/bin/env python3
"""The browser test: `procura serve --demo` driven by Debian's headless Chromium through Selenium.

Signs in as the demo admin, checks the dashboard's figures (right-aligned numbers by their computed
style, the flagged-override count equal to the plan's), an item page (chart, policy and its
derivation), submits an override through the form, starts a second plan run and compares the two
through the compare form, reads the forecast-accuracy and calculator pages, works the purchase-order
queue (a buyer's own proposals show no approve button — the requester never approves their own
proposal — and an approver approves one), works a disposition case (no execution before every
sign-off, no second signature by one person, three people sign, operations executes it, the stock
and the audit log show it), runs the emergency protocol (a buyer raises a buy, has no approve button,
the named approver approves it, the deviation report lists it, the incident is closed), delegates
finance's approval authority on the approval-rules page, checks the audit log, and saves screenshots.
Prints `browser: N passed, 0 failed` and exits 0 when every check passes.

    python3 Tests/Browser/browser_test.py --procura .build/debug/procura --out .build/browser
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import ProcuraServer  # noqa: E402


ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:")


def driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800", "--disable-gpu"]:
        options.add_argument(argument)
    binary = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    if os.path.exists(binary):
        options.binary_location = binary
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def sign_in(browser, wait, base, user, password):
    """Signs out whoever is signed in (by forgetting the cookies), then signs in through the form."""
    browser.delete_all_cookies()
    browser.get(base + "/login")
    wait.until(EC.presence_of_element_located((By.ID, "user")))
    browser.find_element(By.ID, "user").send_keys(user)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "signin").click()
    wait.until(lambda b: "/login" not in b.current_url)


def add_user(server, user, role, password):
    """A user of the demo database, and an API token of theirs."""
    subprocess.run([server.binary, "user", "add", user, "--role", role, "--password-stdin", "--database", server.database],
                   input=password + "\n", check=True, capture_output=True, text=True)
    out = subprocess.run([server.binary, "user", "token", "add", user, "--name", "browser", "--database", server.database],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--procura", required=True)
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--items", type=int, default=120)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="procura-browser-")
    server = ProcuraServer(args.procura, "sqlite:" + os.path.join(folder, "demo.sqlite"), items=args.items)
    passed, failed = 0, 0

    def check(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
            print("ok:", what)
        else:
            failed += 1
            print("FAILED:", what)

    browser = None
    try:
        browser = driver()
        wait = WebDriverWait(browser, 30)
        base = server.address
        # Sign in.
        browser.get(base + "/")
        wait.until(EC.presence_of_element_located((By.ID, "user")))
        check("/login" in browser.current_url, "a stranger is sent to the sign-in form")
        browser.find_element(By.ID, "user").send_keys("admin")
        browser.find_element(By.ID, "password").send_keys(server.password)
        browser.find_element(By.ID, "signin").click()
        wait.until(EC.presence_of_element_located((By.ID, "kpi-inventory-value")))
        # Dashboard.
        value = browser.find_element(By.ID, "kpi-inventory-value").text
        check(value.replace(",", "").isdigit() and int(value.replace(",", "")) > 0, "dashboard shows an inventory value (%s)" % value)
        turns = browser.find_element(By.ID, "kpi-turns").text
        check(turns not in ("", "–"), "dashboard shows turns (%s)" % turns)
        fill = browser.find_element(By.ID, "kpi-fill-rate").text
        check(fill.endswith("%"), "dashboard shows a fill rate (%s)" % fill)
        cells = browser.find_elements(By.CSS_SELECTOR, "#abc-xyz td strong")
        check(len(cells) == 9 and sum(int(c.text) for c in cells) > 0, "the ABC-XYZ matrix has 9 cells with counts")
        check(len(browser.find_elements(By.CSS_SELECTOR, "#by-category tbody tr")) > 0, "inventory by category")
        check("At or below the reorder point" in browser.page_source, "alerts are shown")
        # Numbers are right-aligned in data tables (the computed style, not only the class).
        cell = browser.find_element(By.CSS_SELECTOR, "#by-category td.n")
        check(cell.value_of_css_property("text-align") == "right", "numbers are right-aligned (%s)" % cell.value_of_css_property("text-align"))
        name = browser.find_element(By.CSS_SELECTOR, "#by-category td:not(.n)")
        check(name.value_of_css_property("text-align") in ("left", "start"), "names stay left-aligned")
        # The alert count sits in its heading, not floating into the list.
        heading = browser.find_element(By.CSS_SELECTOR, "#alert-flagged h3")
        count = browser.find_element(By.CSS_SELECTOR, "#alert-flagged h3 .count")
        check(count.location["y"] + count.size["height"] <= heading.location["y"] + heading.size["height"] + 1, "the alert count stays in its heading")
        flagged_dashboard = count.text.replace(",", "")
        browser.save_screenshot(os.path.join(args.out, "dashboard.png"))
        # The dashboard's flagged overrides are the plan's.
        browser.get(base + "/plan-runs/1")
        wait.until(EC.presence_of_element_located((By.ID, "run-summary")))
        flagged_plan = browser.find_element(By.ID, "flagged-total").text.replace(",", "")
        check(flagged_dashboard.isdigit() and flagged_dashboard == flagged_plan,
              "the dashboard's flagged overrides equal the plan's (%s, %s)" % (flagged_dashboard, flagged_plan))
        meta = browser.find_element(By.CSS_SELECTOR, "p.meta").text
        check(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", meta) is not None and ISO_TIME.search(meta) is None,
              "the run's time is readable (%s)" % meta[:40])
        # Item list, then the first A item.
        browser.get(base + "/items?abc=A&sort=-annual_value")
        wait.until(EC.presence_of_element_located((By.ID, "items")))
        links = browser.find_elements(By.CSS_SELECTOR, "#items tbody a")
        check(len(links) > 0, "the item list filters by class")
        browser.save_screenshot(os.path.join(args.out, "items.png"))
        links[0].click()
        wait.until(EC.presence_of_element_located((By.ID, "demand-chart")))
        title = browser.find_element(By.ID, "item-title").text
        check(len(browser.find_elements(By.CSS_SELECTOR, "#demand-chart rect.history")) > 0, "the chart shows demand history")
        check(len(browser.find_elements(By.CSS_SELECTOR, "#demand-chart polyline.forecast")) == 1, "the chart shows the forecast")
        check(len(browser.find_elements(By.CSS_SELECTOR, "#demand-chart polygon.interval")) == 1, "the chart shows the interval")
        summary = browser.find_element(By.ID, "policy-summary").text
        check(len(summary) > 10, "the policy summary is shown (%s)" % summary[:80])
        check(len(browser.find_elements(By.CSS_SELECTOR, "#explanation ol.steps li")) > 0, "the derivation steps are shown")
        check(len(browser.find_elements(By.CSS_SELECTOR, "#positions tbody tr")) > 0, "positions by owner")
        browser.save_screenshot(os.path.join(args.out, "item.png"))
        # Override through the form.
        Select(browser.find_element(By.ID, "override-parameter")).select_by_value("safety_stock")
        browser.find_element(By.ID, "override-value").send_keys("17")
        browser.find_element(By.ID, "override-reason").send_keys("browser test: supplier capacity")
        browser.find_element(By.ID, "override-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "flash")))
        check("Override saved" in browser.find_element(By.ID, "flash").text, "the override is saved")
        check("browser test: supplier capacity" in browser.find_element(By.ID, "overrides").text, "the override is listed")
        browser.save_screenshot(os.path.join(args.out, "override.png"))
        # A second plan run through the form, then the comparison through the compare form.
        browser.get(base + "/plan-runs")
        wait.until(EC.presence_of_element_located((By.ID, "start-plan")))
        check(len(browser.find_elements(By.ID, "compare-form")) == 0, "no compare form with a single run")
        browser.find_element(By.NAME, "label").send_keys("browser test")
        browser.find_element(By.ID, "start-plan").click()
        # The page replaces the status element as the job moves on: read it whole, again when it
        # went stale between finding and reading.
        def job_status(b):
            text = b.find_element(By.ID, "job-status").text
            return text if ("complete" in text or "failed" in text) else False
        status = WebDriverWait(browser, 300, ignored_exceptions=[StaleElementReferenceException]).until(job_status)
        check(status == "complete", "the plan run completes and says so once (%s)" % status)
        browser.get(base + "/plan-runs")
        wait.until(EC.presence_of_element_located((By.ID, "compare-form")))
        check(len(browser.find_elements(By.ID, "jobs-heading")) == 1, "the Jobs heading is shown with a job")
        browser.save_screenshot(os.path.join(args.out, "plan-runs.png"))
        browser.find_element(By.ID, "compare-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "compare-totals")))
        check("compared with run" in browser.find_element(By.TAG_NAME, "h1").text, "a comparison is reached through the form")
        check("review_period_days" not in browser.page_source and "bucket" not in browser.find_element(By.TAG_NAME, "main").text,
              "no field names or 'bucket' on the comparison")
        browser.save_screenshot(os.path.join(args.out, "compare.png"))
        # New pages: forecast accuracy per segment, the calculators.
        browser.get(base + "/accuracy?by=class")
        wait.until(EC.presence_of_element_located((By.ID, "accuracy-segments")))
        rows = browser.find_elements(By.CSS_SELECTOR, "#accuracy-segments tbody tr")
        check(len(rows) >= 2, "forecast accuracy per class (%d rows)" % len(rows))
        wape = browser.find_element(By.CSS_SELECTOR, "#accuracy-segments tbody tr.total td:nth-child(3)")
        check(wape.text.endswith("%") and wape.value_of_css_property("text-align") == "right", "the total WAPE is a right-aligned percentage (%s)" % wape.text)
        browser.save_screenshot(os.path.join(args.out, "accuracy.png"))
        browser.get(base + "/calc")
        wait.until(EC.presence_of_element_located((By.ID, "calc-eoq")))
        browser.find_element(By.ID, "eoq-order-cost").send_keys("8")
        browser.find_element(By.ID, "eoq-holding-cost").send_keys("0.225")
        browser.find_element(By.ID, "eoq-demand").send_keys("1300")
        browser.find_element(By.ID, "eoq-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "eoq-result")))
        result = browser.find_element(By.ID, "eoq-result").text
        check("Order quantity 304;" in result and "68.41" in result, "the EOQ calculator gives √(2·8·1300/0.225) = 304.04 at 68.41 a year (%s)" % result)
        browser.save_screenshot(os.path.join(args.out, "calc.png"))
        browser.get(base + "/reconcile")
        wait.until(EC.presence_of_element_located((By.ID, "intercompany-pairs")))
        browser.save_screenshot(os.path.join(args.out, "reconcile.png"))
        # The audit log has it.
        browser.get(base + "/audit")
        wait.until(EC.presence_of_element_located((By.ID, "audit")))
        audit = browser.find_element(By.ID, "audit").text
        check("override.create" in audit, "the audit log records the override (%s)" % title)
        check("plan_run:1" in audit, "the demo's plan run 1 is in the audit log")
        check("{" not in audit and ISO_TIME.search(audit) is None, "audit records and times are readable")
        browser.save_screenshot(os.path.join(args.out, "audit.png"))
        # Purchase orders: a buyer saves the proposals through the API; the queue never offers them
        # an approve button on their own orders; an approver approves one.
        password = "a long browser pass phrase"
        bo_token = add_user(server, "bo", "buyer", password)
        add_user(server, "ada", "approver", password)
        request = urllib.request.Request(base + "/api/v1/purchase-orders", method="POST", headers={
            "Authorization": "Bearer " + bo_token, "Idempotency-Key": "browser-release", "Accept": "application/json"})
        with urllib.request.urlopen(request) as response:
            orders = json.loads(response.read())["purchase_orders"]
        check(response.status == 201 and len(orders) > 0, "a buyer saves the proposals as purchase orders (%d)" % len(orders))
        small = [o["po_id"] for o in orders if o["value"] <= 50000]
        check(len(small) > 0, "an order within the approver's threshold")
        sign_in(browser, wait, base, "bo", password)
        browser.get(base + "/purchase-orders")
        wait.until(EC.presence_of_element_located((By.ID, "queue")))
        queue = browser.find_element(By.ID, "queue").text
        check(small[0] in queue and "yours — another approver decides" in queue, "the buyer sees their orders in the queue, marked as theirs")
        check(len(browser.find_elements(By.ID, "approve-" + small[0])) == 0, "the requester has no approve button on their own proposal")
        browser.save_screenshot(os.path.join(args.out, "purchase-orders-requester.png"))
        sign_in(browser, wait, base, "ada", password)
        browser.get(base + "/purchase-orders")
        wait.until(EC.presence_of_element_located((By.ID, "approve-" + small[0])))
        browser.find_element(By.ID, "approve-" + small[0]).click()
        wait.until(EC.presence_of_element_located((By.ID, "message")))
        check(browser.find_element(By.ID, "message").text == small[0] + " is approved", "an approver approves it through the form")
        check(small[0] in browser.find_element(By.ID, "orders").text, "the approved order leaves the queue")
        browser.save_screenshot(os.path.join(args.out, "purchase-orders.png"))
        sign_in(browser, wait, base, "admin", server.password)
        browser.get(base + "/audit")
        wait.until(EC.presence_of_element_located((By.ID, "audit")))
        audit = browser.find_element(By.ID, "audit").text
        check("po.approve" in audit and "po.create" in audit, "the audit log records the purchase-order decisions")
        # Dispositions (issue 16 item 4): a buyer opens a case for owned stock; it cannot execute
        # before every sign-off; one person cannot sign twice in two roles; procurement, operations
        # and finance sign (three people); operations executes it; the stock and the audit log show it.
        add_user(server, "olga", "operations", password)
        add_user(server, "fin", "finance", password)

        def positions(item):
            req = urllib.request.Request(base + "/api/v1/positions?item_id=" + item + "&limit=500", headers={
                "Authorization": "Bearer " + bo_token, "Accept": "application/json"})
            with urllib.request.urlopen(req) as response:
                return [p for p in json.loads(response.read())["positions"] if p["owner"] == "owned"]

        req = urllib.request.Request(base + "/api/v1/positions?limit=500", headers={
            "Authorization": "Bearer " + bo_token, "Accept": "application/json"})
        with urllib.request.urlopen(req) as response:
            stocked = [p for p in json.loads(response.read())["positions"] if p["owner"] == "owned" and p["on_hand"] >= 5]
        check(len(stocked) > 0, "an owned position with stock to dispose of")
        target = stocked[0]
        before = target["on_hand"]

        def page_message(expect_error=False):
            element = "dispositions-error" if expect_error else "dispositions-message"
            wait.until(EC.presence_of_element_located((By.ID, element)))
            return browser.find_element(By.ID, element).text

        sign_in(browser, wait, base, "bo", password)
        browser.get(base + "/dispositions")
        wait.until(EC.presence_of_element_located((By.ID, "disposition-new")))
        browser.find_element(By.CSS_SELECTOR, "#disposition-new summary").click()
        form = browser.find_element(By.ID, "disposition-create")
        form.find_element(By.NAME, "item_id").send_keys(target["item_id"])
        form.find_element(By.NAME, "location_id").send_keys(target["location_id"])
        form.find_element(By.NAME, "quantity").send_keys("3")
        Select(form.find_element(By.NAME, "option")).select_by_value("scrap")
        form.find_element(By.NAME, "scrap_cost").send_keys("12.50")
        form.find_element(By.NAME, "recovery_per_unit").send_keys("1")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        opened = page_message()
        match = re.search(r"(DSP-\d{6}) is open: scrap, value -12.50", opened)
        check(match is not None, "a buyer opens a disposition case through the form (%s)" % opened)
        case_id = match.group(1) if match else "DSP-000001"
        options = browser.find_element(By.ID, "disposition-options").text
        check("-12.50" in options and "return to supplier" in options and "3 × 1.00" in options, "each option's value is shown")
        browser.save_screenshot(os.path.join(args.out, "disposition-open.png"))
        sign_in(browser, wait, base, "olga", password)
        browser.get(base + "/dispositions?case=" + case_id)
        wait.until(EC.presence_of_element_located((By.ID, "disposition-execute")))
        browser.find_element(By.CSS_SELECTOR, "#disposition-execute button").click()
        refused = page_message(expect_error=True)
        check("cannot be executed: it lacks the sign-off of buyer, operations, finance" in refused and "nothing was changed" in refused,
              "a case missing a signature cannot execute (%s)" % refused)
        check(positions(target["item_id"]) and [p for p in positions(target["item_id"]) if p["location_id"] == target["location_id"]][0]["on_hand"] == before,
              "the refused execution moved no stock")
        sign_in(browser, wait, base, "bo", password)
        browser.get(base + "/dispositions?case=" + case_id)
        wait.until(EC.presence_of_element_located((By.ID, "disposition-sign")))
        browser.find_element(By.CSS_SELECTOR, "#disposition-sign button").click()
        check("signed for buyer by bo" in page_message(), "procurement (bo) signs")
        Select(browser.find_element(By.CSS_SELECTOR, "#disposition-sign select")).select_by_value("finance")
        browser.find_element(By.CSS_SELECTOR, "#disposition-sign button").click()
        twice = page_message(expect_error=True)
        check("bo already signed disposition case %s for buyer; one person signs once" % case_id in twice,
              "a person cannot sign twice in two roles (%s)" % twice)
        for user, role in [("olga", "operations"), ("fin", "finance")]:
            sign_in(browser, wait, base, user, password)
            browser.get(base + "/dispositions?case=" + case_id)
            wait.until(EC.presence_of_element_located((By.ID, "disposition-sign")))
            browser.find_element(By.CSS_SELECTOR, "#disposition-sign button").click()
            check(("signed for %s by %s" % (role, user)) in page_message(), "%s (%s) signs" % (role, user))
        check("every sign-off given" in browser.find_element(By.ID, "dispositions-message").text, "the third signature completes the sign-off")
        check(len(browser.find_elements(By.ID, "disposition-execute")) == 0, "finance is offered no execution (it does not post to the ledger)")
        sign_in(browser, wait, base, "olga", password)
        browser.get(base + "/dispositions?case=" + case_id)
        wait.until(EC.presence_of_element_located((By.ID, "disposition-execute")))
        browser.find_element(By.CSS_SELECTOR, "#disposition-execute button").click()
        executed = page_message()
        check(("%s executed: scrap posted to the ledger as %s-scrap" % (case_id, case_id)) in executed, "operations executes it (%s)" % executed)
        after = [p for p in positions(target["item_id"]) if p["location_id"] == target["location_id"]][0]["on_hand"]
        check(abs(after - (before - 3)) < 1e-9, "the position went down by the 3 scrapped (%s → %s)" % (before, after))
        history = browser.find_element(By.ID, "disposition-history").text
        check(all(step in history for step in ["disposition.create", "disposition.sign", "disposition.execute"]), "the case's history shows each step")
        browser.save_screenshot(os.path.join(args.out, "disposition-executed.png"))
        browser.get(base + "/items/%s?location=%s" % (target["item_id"], target["location_id"]))
        wait.until(EC.presence_of_element_located((By.ID, "positions")))
        sign_in(browser, wait, base, "admin", server.password)
        browser.get(base + "/audit")
        wait.until(EC.presence_of_element_located((By.ID, "audit")))
        audit = browser.find_element(By.ID, "audit").text
        check(all(step in audit for step in ["disposition.create", "disposition.sign", "disposition.execute"]) and ("disposition_case:" + case_id) in audit,
              "the audit log shows each step of the case")
        browser.save_screenshot(os.path.join(args.out, "disposition-audit.png"))
        # Emergency protocol (issue 14 item 6): a buyer raises an emergency buy for an incident
        # (confirming that supply is already coming); the requester has no approve button; the named
        # approver approves it, which creates its purchase order; the deviation report lists it
        # until the buyer closes the incident.
        first_order = orders[0]
        sign_in(browser, wait, base, "bo", password)
        browser.get(base + "/emergency")
        wait.until(EC.presence_of_element_located((By.ID, "emergency-form")))
        for element, value in [("emergency-item", first_order["lines"][0]["item_id"]), ("emergency-location", first_order["location_id"]),
                               ("emergency-supplier", first_order["supplier_id"]), ("emergency-quantity", "5"), ("emergency-price", "9"),
                               ("emergency-incident", "INC-BROWSER"), ("emergency-reason", "line stopped"), ("emergency-approver", "ada"),
                               ("emergency-duplicate", "the open order arrives too late")]:
            browser.find_element(By.ID, element).send_keys(value)
        browser.find_element(By.ID, "emergency-expedite").click()
        browser.find_element(By.ID, "emergency-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "message")))
        raised = browser.find_element(By.ID, "message").text
        match = re.search(r"(EB-\d{6}) requested; ada approves until ", raised)
        check(match is not None, "a buyer raises an emergency buy through the form (%s)" % raised)
        buy_id = match.group(1) if match else "EB-000001"
        check(len(browser.find_elements(By.ID, "approve-" + buy_id)) == 0, "the requester has no approve button on their emergency buy")
        sign_in(browser, wait, base, "ada", password)
        browser.get(base + "/emergency")
        wait.until(EC.presence_of_element_located((By.ID, "approve-" + buy_id)))
        browser.find_element(By.ID, "approve-" + buy_id).click()
        wait.until(EC.presence_of_element_located((By.ID, "message")))
        approved = browser.find_element(By.ID, "message").text
        check(re.search(buy_id + r" approved: purchase order PO-\d{6}", approved) is not None,
              "the named approver approves it; its purchase order is created (%s)" % approved)
        browser.save_screenshot(os.path.join(args.out, "emergency.png"))
        browser.get(base + "/emergency/report")
        wait.until(EC.presence_of_element_located((By.ID, "deviation-report")))
        report = browser.find_element(By.ID, "deviation-report").text
        check(buy_id in report and "INC-BROWSER" in report, "the deviation report lists the emergency buy")
        sign_in(browser, wait, base, "bo", password)
        browser.get(base + "/emergency")
        wait.until(EC.presence_of_element_located((By.ID, "close-incident-form")))
        browser.find_element(By.ID, "close-incident").send_keys("INC-BROWSER")
        browser.find_element(By.ID, "close-incident-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "message")))
        check(browser.find_element(By.ID, "message").text == "incident INC-BROWSER closed", "the buyer closes the incident")
        check("INC-BROWSER (closed)" in browser.find_element(By.ID, "emergency-buys").text, "the buy shows its incident closed")
        browser.save_screenshot(os.path.join(args.out, "deviation-report.png"))
        # Approval rules (issue 14 item 3): finance delegates its authority to an approver for a
        # window of days; the delegate sees it in force and may revoke it.
        today = datetime.datetime.now(datetime.timezone.utc).date()
        sign_in(browser, wait, base, "fin", password)
        browser.get(base + "/approval-rules")
        wait.until(EC.presence_of_element_located((By.ID, "delegation-form")))
        check(len(browser.find_elements(By.ID, "approval-rules-form")) == 0, "only an admin is offered the rules editor")
        browser.find_element(By.ID, "delegation-delegate").send_keys("ada")
        for element, value in [("delegation-from", today.isoformat()), ("delegation-to", (today + datetime.timedelta(days=5)).isoformat())]:
            browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, element), value)
        browser.find_element(By.ID, "delegation-reason").send_keys("year-end leave")
        browser.find_element(By.ID, "delegation-submit").click()
        wait.until(EC.presence_of_element_located((By.ID, "message")))
        delegated = browser.find_element(By.ID, "message").text
        check(re.search(r"DL-\d{6}: ada approves at fin's level from ", delegated) is not None, "finance delegates to an approver (%s)" % delegated)
        check("in force" in browser.find_element(By.ID, "approval-delegations").text, "the delegation is listed in force")
        browser.save_screenshot(os.path.join(args.out, "approval-rules.png"))
    except Exception:
        traceback.print_exc()
        failed += 1
        if browser is not None:
            browser.save_screenshot(os.path.join(args.out, "failure.png"))
    finally:
        if browser is not None:
            browser.quit()
        status = server.stop()
        check(status == 0, "the server shuts down gracefully on SIGTERM (exit %s)" % status)
    print("browser: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
