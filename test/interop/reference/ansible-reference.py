#!/usr/bin/env python3
"""What Ansible itself makes of inventories: hosts, groups, connection vars and pattern selections.

Reads a JSON list of {"file": path, "patterns": [...]} on stdin (patterns may be omitted: then a
standard set is derived from the inventory's groups) and prints one JSON object per file. Uses the
same calls as `ansible-inventory --list` (InventoryManager + VariableManager.get_vars) and
`ansible PATTERN --list-hosts` (InventoryManager.list_hosts), in one process for speed.
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")

from ansible.errors import AnsibleError  # noqa: E402
from ansible.inventory.manager import InventoryManager  # noqa: E402
from ansible.parsing.dataloader import DataLoader  # noqa: E402
from ansible.utils.display import Display  # noqa: E402
from ansible.vars.manager import VariableManager  # noqa: E402

Display().verbosity = -1
CONNECTION_VARS = ("ansible_host", "ansible_ssh_host", "ansible_port", "ansible_ssh_port", "ansible_user", "ansible_ssh_user")


def standard_patterns(inv):
    groups = sorted(g for g in inv.groups if g not in ("all", "ungrouped"))
    hosts = [h.name for h in inv.get_hosts("all")]
    out = ["all", "*", "ungrouped", "no-such-group"]
    for g in groups[:4]:
        out += [g, g + "[0]", g + "[-1]", g + "[1:]", g + "[0:1]"]
    if len(groups) >= 2:
        a, b = groups[0], groups[1]
        out += [a + ":" + b, a + ":&" + b, a + ":!" + b, "all:!" + a, b + "," + a, "!" + a, a + ":" + b + ":!" + a, "&" + b]
    if hosts:
        h = hosts[0]
        out += [h, h[:3] + "*", "~" + h[:2], h + "[0]"]
        if len(hosts) > 1:
            out.append(hosts[-1] + ":" + h)
    return out


def order_defined(group):
    """Whether Group.get_hosts() has one order: its walk meets no level where two groups add new children
    (there Ansible iterates a Python set of Group objects, whose order changes from run to run)."""
    seen = set()
    unprocessed = [group] + list(group.child_groups)
    first = True
    while unprocessed:
        seen.update(unprocessed)
        contributors = [g for g in unprocessed if any(c not in seen for c in g.child_groups)]
        if len(contributors) > 1 and not first:
            return False
        if first and len([g for g in unprocessed if g is not group and any(c not in seen for c in g.child_groups)]) > 1:
            return False
        first = False
        nxt = []
        for g in unprocessed:
            for c in g.child_groups:
                if c not in seen and c not in nxt:
                    nxt.append(c)
        unprocessed = nxt
    return True


def describe(file, patterns):
    loader = DataLoader()
    try:
        inv = InventoryManager(loader=loader, sources=[file])
    except AnsibleError as e:
        return {"file": file, "error": str(e)}
    if not inv._inventory.hosts and len(inv.groups) <= 2:
        return {"file": file, "error": "no inventory parsed"}
    vm = VariableManager(loader=loader, inventory=inv)
    hosts = [h.name for h in inv.get_hosts("all")]
    groups = {name: [h.name for h in g.get_hosts()] for name, g in inv.groups.items()}
    conn = {}
    for h in inv._inventory.hosts.values():
        v = vm.get_vars(host=h, include_hostvars=False)
        conn[h.name] = {k: v[k] for k in CONNECTION_VARS if k in v and v[k] is not None}
    selections = {}
    for p in patterns if patterns is not None else standard_patterns(inv):
        inv.clear_pattern_cache()
        try:
            selections[p] = [str(getattr(h, "name", h)) for h in inv.list_hosts(p)]
        except AnsibleError as e:
            selections[p] = {"error": str(e).splitlines()[0]}
    defined = {name: order_defined(g) for name, g in inv.groups.items()}
    return {"file": file, "hosts": hosts, "groups": groups, "vars": conn, "patterns": selections, "orderDefined": defined}


def main():
    requests = json.load(sys.stdin)
    print(json.dumps([describe(r["file"], r.get("patterns")) for r in requests], default=str))


main()
