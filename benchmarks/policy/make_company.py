#!/usr/bin/env python3
"""Writes a synthetic company as a data folder (DATA_FORMAT.md) for `procura plan` end to end.

usage: make_company.py OUT [--items N] [--locations L] [--weeks W] [--seed S]

Stdlib only, seeded: items with costs, criticality, lifecycles and shelf lives; sourcing with one or
two suppliers, purchase units, MOQs, multiples and price breaks; daily demand for W weeks in every
pattern (smooth, erratic, intermittent, lumpy, none); stock on hand; a few overrides, some expired.
"""
import argparse, os, random, datetime

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--items", type=int, default=400)
ap.add_argument("--locations", type=int, default=3)
ap.add_argument("--weeks", type=int, default=104)
ap.add_argument("--seed", type=int, default=7)
a = ap.parse_args()
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)
as_of = datetime.date(2026, 11, 30)
start = as_of - datetime.timedelta(weeks=a.weeks)


def write(name, header, rows):
    with open(os.path.join(a.out, name), "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")


locations = [f"DC-{k + 1}" for k in range(a.locations)]
suppliers = [f"SUP-{k + 1}" for k in range(12)]
items = []
for i in range(a.items):
    crit = rng.choices("VED", [0.15, 0.6, 0.25])[0]
    life = rng.choices(["active", "new", "phase_out", "obsolete"], [0.9, 0.04, 0.04, 0.02])[0]
    cost = round(rng.lognormvariate(2.5, 1.2), 2)
    shelf = rng.choice([90, 180, 365]) if rng.random() < 0.08 else ""
    items.append((f"IT-{i:05d}", f"Item {i}", rng.choice(["bearings", "seals", "filters", "valves", "fasteners"]),
                  "EA", cost, crit, life, "", shelf))
write("items.csv", ["item_id", "description", "category", "base_uom", "unit_cost", "criticality", "lifecycle",
                    "successor_item_id", "shelf_life_days"], items)
write("locations.csv", ["location_id", "name", "company_id", "region"],
      [(l, f"Warehouse {l}", "C1", "north") for l in locations])
write("suppliers.csv", ["supplier_id", "name", "country"], [(s, f"Supplier {s}", "DE") for s in suppliers])

sourcing, demand, inventory, overrides = [], [], [], []
for it in items:
    item_id, cost = it[0], it[4]
    for loc in rng.sample(locations, rng.randint(1, len(locations))):
        kind = rng.choices(["smooth", "erratic", "intermittent", "lumpy", "none"], [0.35, 0.15, 0.25, 0.2, 0.05])[0]
        rate = rng.lognormvariate(1.5, 1.0)  # per week
        units = rng.choice([1, 1, 6, 12, 24])
        uom = "EA" if units == 1 else ("BOX" if units < 24 else "CASE")
        dual = rng.random() < 0.15
        first = rng.sample(suppliers, 2 if dual else 1)
        for k, s in enumerate(first):
            share = (0.7 if k == 0 else 0.3) if dual else 1
            lead = rng.choice([5, 7, 10, 14, 21, 30, 45, 60])
            breaks = ""
            if rng.random() < 0.2:
                b1 = rng.choice([20, 50, 100])
                breaks = f"{b1}:{round(cost * units * 0.95, 2)};{b1 * 5}:{round(cost * units * 0.9, 2)}"
            sourcing.append((item_id, loc, s, uom, units, lead, round(lead * rng.uniform(0, 0.3), 1),
                             rng.choice(["", 5, 10, 50]), rng.choice(["", 1, 2, 5]), "", breaks, share, "owned"))
        day = start
        while day < as_of:
            if kind != "none":
                p = {"smooth": 0.9, "erratic": 0.8, "intermittent": 0.12, "lumpy": 0.1}[kind] / 7
                if rng.random() < p * 7 / 7:
                    size = rate * 7 * (rng.uniform(0.7, 1.3) if kind in ("smooth", "intermittent") else rng.expovariate(1))
                    if kind in ("intermittent", "lumpy"):
                        size = max(1, round(size / 4))
                    demand.append((day.isoformat(), item_id, loc, max(1, round(size / 5))))
            day += datetime.timedelta(days=1)
        if rng.random() < 0.8:
            inventory.append((item_id, loc, round(rate * rng.uniform(0, 8)), "owned", "", as_of.isoformat()))
        if rng.random() < 0.02:
            valid_to = (as_of - datetime.timedelta(days=10)).isoformat() if rng.random() < 0.3 else ""
            overrides.append((item_id, loc, "safety_stock", round(rate * 3), "known supply problem", "planner",
                              "", valid_to))

write("sourcing.csv", ["item_id", "location_id", "supplier_id", "purchase_uom", "units_per_purchase_uom",
                       "lead_time_days", "lead_time_sd_days", "moq", "order_multiple", "unit_price", "price_breaks",
                       "share", "ownership"], sourcing)
write("demand.csv", ["date", "item_id", "location_id", "quantity"], demand)
write("inventory.csv", ["item_id", "location_id", "on_hand", "ownership", "received_date", "as_of"], inventory)
write("overrides.csv", ["item_id", "location_id", "parameter", "value", "reason", "author", "valid_from", "valid_to"],
      overrides)
with open(os.path.join(a.out, "settings.yaml"), "w") as f:
    f.write("bucket: week\nhistory_buckets: %d\nholding_cost_rate: 0.25\norder_cost: 60\nreview_period_days: 7\n" % a.weeks)
print(f"{len(items)} items, {len(sourcing)} sourcing rows, {len(demand)} demand rows, {len(overrides)} overrides -> {a.out}")
