"""The peer: stockpyl 1.0.2's gsm_tree.optimize_committed_service_times on the tree that
procura-bench wrote (procura calc gsm input); prints one JSON line with its time and cost."""
import json, sys, time
from stockpyl.supply_chain_network import SupplyChainNetwork
from stockpyl.supply_chain_node import SupplyChainNode
from stockpyl.demand_source import DemandSource
from stockpyl import gsm_tree

nodes = json.load(open(sys.argv[1]))["nodes"]
net = SupplyChainNetwork()
for n in nodes:
    node = SupplyChainNode(n["index"], network=net)
    node.local_holding_cost = n["local_holding_cost"]
    node.processing_time = n["processing_time"]
    node.demand_bound_constant = n["demand_bound_constant"]
    node.external_inbound_cst = n.get("external_inbound_cst", 0)
    node.external_outbound_cst = n.get("external_outbound_cst")
    if n.get("demand_mean") is not None:
        node.demand_source = DemandSource(type="N", mean=n["demand_mean"], standard_deviation=n["demand_standard_deviation"])
    else:
        node.demand_source = DemandSource()
    net.add_node(node)
for n in nodes:
    for p in n.get("predecessors", []):
        net.add_edge(p, n["index"])
    for s in n.get("successors", []):
        net.add_edge(n["index"], s)
start = time.perf_counter()
cst, cost = gsm_tree.optimize_committed_service_times(net)
elapsed = time.perf_counter() - start
print(json.dumps({"workload": "stockpyl gsm_tree", "stages": len(nodes), "seconds": elapsed, "cost": cost}))
