import InventoryCore

extension DemoCompany {
    /// An order on its way.
    private struct Pending {
        var orderID: String
        var row: Int
        var orderDate: Day
        var dueDate: Day
        var arrival: Day
        var quantity: Int64
        var orderedQuantity: Int64
        /// Quantity that will follow in a second delivery (short shipment), and when.
        var followUp: (quantity: Int64, arrival: Day)?
        /// Whether the supplier closes the order after this delivery although it is short.
        var closesShort = false
        /// Quantity received on the order so far.
        var received: Int64 = 0
    }

    /// Simulates one item-location day by day from its start to the day before the snapshot.
    ///
    /// Each day: receive what arrives; draw the true demand and issue what stock allows (the
    /// recorded demand is the smaller of the two, so stock-out days understate demand); record
    /// a stock-out day when the day ends with no stock while demand was expected; then review:
    /// when the inventory position (on hand + on order) is at or below the reorder point
    /// s(t) = μ(t)(L + 1) + k·√((L + 1)σ²(t) + μ(t)²σ_L²) (an (s, Q) system reviewed daily, with
    /// demand and lead-time variability combined as in Silver, Pyke & Thomas, *Inventory and
    /// Production Management in Supply Chains*, 4th ed. 2017, ch. 6; s is floored at 0), order
    /// the order quantity until it is above. Phase-out
    /// items stop ordering once their demand has faded below 60 % and are run down. Lead times
    /// are drawn from a gamma distribution with the catalog mean and standard deviation, times
    /// the supplier's real-to-catalog factor; the due date is the order date plus the catalog
    /// mean plus one standard deviation (the supplier's confirmed date), so reliable suppliers
    /// are late on about one receipt in six. 4 % of orders are short-shipped, half of those with
    /// a second delivery 3 … 15 days later. Stock is issued first-in first-out by receipt lot.
    func simulate(itemLocation index: Int) -> DemoItemLocationHistory {
        let itemLocation = itemLocations[index]
        let profile = itemProfiles[Int(itemLocation.item)]
        let process = itemLocation.process
        let rows = itemLocation.sourcingRows.map { sourcing[$0] }
        let scale = Double(profile.quantityScale)
        var random = Xoshiro256StarStar(seed: configuration.seed, stream: Stream.itemLocationBase + UInt64(index))
        var history = DemoItemLocationHistory()
        let owned = itemLocation.ownership == .owned
        // Lead time of the mixture of sources (dual sourcing): mean Σ wᵢLᵢ, variance Σ wᵢ(σᵢ² + Lᵢ²) − L².
        let leadTime = rows.reduce(0) { $0 + $1.share * $1.leadTimeDays }
        let secondMoment = rows.reduce(0) {
            $0 + $1.share * ($1.leadTimeSDDays * $1.leadTimeSDDays + $1.leadTimeDays * $1.leadTimeDays)
        }
        let leadTimeSD = max(0, secondMoment - leadTime * leadTime).squareRoot()
        let k = itemLocation.safetyFactor
        let orderQuantity = itemLocation.orderQuantity

        func reorderPoint(_ day: Day) -> Double {
            let mean = process.expectedTicks(on: day)
            guard mean > 0 else { return 0 }
            let variance = (leadTime + 1) * process.dailyVariance(on: day) + mean * mean * leadTimeSD * leadTimeSD
            return mean * (leadTime + 1) + k * variance.squareRoot()
        }

        // Opening stock: reorder point plus part of an order; some of it very old.
        var lots: [(quantity: Int64, received: Day)] = []
        var lotHead = 0
        // On hand and on order of the item-location, in ticks; receipts and issues change them by
        // the ledger rules (LedgerRules.change), orders opened and closed short directly.
        var position = PositionBalance()
        let start = itemLocation.simulationStart
        var isIntroduced = false
        if case .introduced = process.shape { isIntroduced = true }
        if !isIntroduced {
            let opening = max(1, Int64((reorderPoint(start) + Double(orderQuantity) * random.nextDouble(in: 0.2, 0.9)).rounded()))
            var rest = opening
            if profile.pattern == .obsolete || random.nextUnitDouble() < 0.1 {
                let old = max(1, Int64(Double(opening) * random.nextDouble(in: 0.3, 1)))
                lots.append((old, start.adding(days: -random.nextInt(in: 300...1_800))))
                rest -= old
            }
            if rest > 0 { lots.append((rest, start.adding(days: -random.nextInt(in: 3...90)))) }
            position.onHand = opening
        }

        var pending: [Pending] = []
        var allocated = [Double](repeating: 0, count: rows.count)
        var orderNumber = 0
        let itemLocationNumber = DemoCompany.padded(index + 1, 5)

        func placeOrder(on day: Day) {
            // Dual sourcing: the row furthest below its share of everything ordered so far.
            var row = 0
            if rows.count > 1 {
                let total = allocated.reduce(0, +) + Double(orderQuantity)
                var best = -Double.infinity
                for r in rows.indices {
                    let deficit = rows[r].share * total - allocated[r]
                    if deficit > best { (best, row) = (deficit, r) }
                }
            }
            allocated[row] += Double(orderQuantity)
            let rule = rows[row]
            let supplier = supplierProfiles[Int(rule.supplier)]
            let mean = rule.leadTimeDays * supplier.actualFactor
            let sd = rule.leadTimeSDDays * supplier.actualFactor
            let drawn = sd > 0 ? GammaSampler(mean: mean, coefficientOfVariation: sd / mean).sample(using: &random) : mean
            let leadTimeDays = max(1, Int(min(drawn, 3_650).rounded()))
            orderNumber += 1
            var order = Pending(
                orderID: "PO-\(itemLocationNumber)-\(DemoCompany.padded(orderNumber, 3))", row: row, orderDate: day,
                dueDate: day.adding(days: Int((rule.leadTimeDays + rule.leadTimeSDDays).rounded())),
                arrival: day.adding(days: leadTimeDays),
                quantity: orderQuantity, orderedQuantity: orderQuantity, followUp: nil)
            if orderQuantity > 1, random.nextUnitDouble() < 0.04 {
                let shipped = min(orderQuantity - 1, max(1, Int64(Double(orderQuantity) * random.nextDouble(in: 0.6, 0.95))))
                if random.nextUnitDouble() < 0.5 {
                    order.followUp = (orderQuantity - shipped, order.arrival.adding(days: random.nextInt(in: 3...15)))
                } else {
                    order.closesShort = true
                }
                order.quantity = shipped
            }
            pending.append(order)
            position.onOrder += orderQuantity
        }

        func unitPrice(_ rule: SourcingRule, orderedTicks: Int64) -> Double {
            let packs = Double(orderedTicks) / scale / rule.unitsPerPurchaseUOM
            var price = rule.unitPrice
            for priceBreak in rule.priceBreaks where packs >= priceBreak.minimumQuantity { price = priceBreak.unitPrice }
            return price / rule.unitsPerPurchaseUOM
        }

        var day = start
        let end = configuration.asOf
        while day < end {
            // 1. Receipts.
            var p = 0
            while p < pending.count {
                if pending[p].arrival == day {
                    let order = pending[p]
                    lots.append((order.quantity, day))
                    let outstanding = order.orderedQuantity - order.received
                    position.add(LedgerRules.change(of: .receipt, quantity: order.quantity, outstanding: outstanding).here)
                    if owned {
                        let rule = rows[order.row]
                        history.receipts.append(
                            .init(
                                orderID: order.orderID, supplier: rule.supplier, orderDate: order.orderDate,
                                dueDate: order.dueDate, receiptDate: day, quantity: order.quantity,
                                orderedQuantity: order.orderedQuantity,
                                unitPrice: unitPrice(rule, orderedTicks: order.orderedQuantity)))
                    } else {
                        history.supplierReceipts.append((day, order.quantity, order.orderID))
                    }
                    if let followUp = pending[p].followUp {
                        pending[p].received += order.quantity
                        pending[p].quantity = followUp.quantity
                        pending[p].arrival = followUp.arrival
                        pending[p].followUp = nil
                        p += 1
                    } else {
                        if order.closesShort {
                            // Short shipment closed short: the rest will not come.
                            position.onOrder -= order.orderedQuantity - order.quantity
                        }
                        pending.remove(at: p)
                    }
                } else {
                    p += 1
                }
            }

            // 2. Demand, limited by stock; issued first-in first-out.
            let wanted = process.draw(on: day, using: &random)
            let issued = min(wanted, position.onHand)
            if issued > 0 {
                history.demand.append((day, issued))
                position.add(LedgerRules.change(of: .issue, quantity: issued).here)
                var remaining = issued
                while remaining > 0 && lotHead < lots.count {
                    let take = min(remaining, lots[lotHead].quantity)
                    lots[lotHead].quantity -= take
                    remaining -= take
                    if lots[lotHead].quantity == 0 { lotHead += 1 }
                }
            }

            // 3. Stock-out day (not for a phase-out item being run down: its demand moves to the successor).
            let expected = process.expectedTicks(on: day)
            let runDown = itemLocation.stopsOrderingWhenFading && process.occurrenceFactor(on: day) < 0.6
            if position.onHand == 0 && expected > 0 && !runDown { history.stockouts.append(day) }

            // 4. Review (a reorder point below zero still orders when nothing is on hand or on order).
            if isIntroduced && day == start {
                placeOrder(on: day)
            } else if let lastBuy = itemLocation.lastBuyDay, day == lastBuy {
                placeOrder(on: day)
            } else if expected > 0 && !runDown {
                let point = max(0, reorderPoint(day))
                var orders = 0
                while Double(position.onHand + position.onOrder) <= point && orders < 4 {
                    placeOrder(on: day)
                    orders += 1
                }
            }
            // 5. Month end: the stock the ERP's history export holds.
            if day.adding(days: 1).components.day == 1 { history.monthEnds.append((day, position.onHand)) }
            // Keep the lot array short.
            if lotHead > 64 {
                lots.removeFirst(lotHead)
                lotHead = 0
            }
            day = day.adding(days: 1)
        }

        // Closing lots, merged by receipt date.
        for lot in lots[lotHead...] where lot.quantity > 0 {
            if let last = history.lots.last, last.received == lot.received {
                history.lots[history.lots.count - 1].quantity += lot.quantity
            } else {
                history.lots.append(lot)
            }
        }
        if owned {
            for order in pending {
                history.openOrders.append(
                    .init(
                        orderID: order.orderID, supplier: rows[order.row].supplier,
                        quantity: order.orderedQuantity - order.received, dueDate: order.dueDate,
                        purchaseUnitPrice: rows[order.row].unitPrice))
            }
        }
        return history
    }

    /// `value` as decimal digits, left-padded with zeros to `width`.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
