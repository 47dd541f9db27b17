"""Find a group of demands that cannot be met together (Hall's condition), to explain why.

Bipartite supply and demand: each demand node ``u`` wants ``demand[u]`` units, each supply
node ``v`` gives at most ``supply[v]``, and each edge carries at most one unit. All demand
can be met unless some set ``S`` of demand nodes wants more than its neighbours can give:
sum of demand[u] over S > sum over v of min(supply[v], number of S nodes linked to v).
"""

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import breadth_first_order, maximum_flow


def unmet_group(
    demand: np.ndarray, supply: np.ndarray, edge_demand: np.ndarray, edge_supply: np.ndarray
) -> np.ndarray | None:
    """A set of demand nodes that violates Hall's condition, or None if all demand fits.

    One max flow (scipy's Dinic), then the demand nodes reachable in the residual graph
    from one node left short. That set is deficient: every supply node it reaches is
    saturated by it, and every edge it has to the others is already used by it.
    """
    n_demand, n_supply = demand.size, supply.size
    source, sink = 0, 1 + n_demand + n_supply
    demand_node = 1 + edge_demand
    supply_node = 1 + n_demand + edge_supply
    tails = np.concatenate(
        [np.zeros(n_demand, np.int64), demand_node, 1 + n_demand + np.arange(n_supply)]
    )
    heads = np.concatenate([1 + np.arange(n_demand), supply_node, np.full(n_supply, sink)])
    capacities = np.concatenate([demand, np.ones(edge_demand.size, np.int64), supply])
    network = csr_array((capacities.astype(np.int32), (tails, heads)), shape=(sink + 1, sink + 1))
    result = maximum_flow(network, source, sink)
    if result.flow_value >= demand.sum():
        return None
    flow = result.flow
    received = np.asarray(flow[np.zeros(n_demand, np.int64), 1 + np.arange(n_demand)]).ravel()
    short = int(np.flatnonzero(received < demand)[0])
    used = np.asarray(flow[demand_node, supply_node]).ravel() > 0
    # Residual graph among demand and supply nodes: an unused edge can still be taken,
    # a used one can be given back.
    residual = csr_array(
        (
            np.ones(edge_demand.size, np.int8),
            (
                np.where(used, supply_node, demand_node),
                np.where(used, demand_node, supply_node),
            ),
        ),
        shape=(sink + 1, sink + 1),
    )
    reached = breadth_first_order(residual, 1 + short, directed=True, return_predecessors=False)
    group = reached[(reached >= 1) & (reached <= n_demand)] - 1
    return np.sort(group)
