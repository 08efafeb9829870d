"""The link graph as files graph tools open: GEXF 1.3 (Gephi) and GraphML (yEd, networkx, igraph), plus a
node list. Written with the standard library's ElementTree: both formats are small documented XML schemas
(https://gexf.net/schema.html, http://graphml.graphdrawing.org/specification.html), so no graph library is needed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any
from xml.etree import ElementTree as ET

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: (name, type) of node and edge attributes, in both formats' own type names.
NODE_ATTRS = (("title", "string"), ("site", "string"), ("stored", "boolean"))
EDGE_ATTRS = (("list", "string"), ("rank", "int"))
NODE_FIELDS = ("url", "title", "site", "stored")


def graph_nodes(edges: list[dict], site_of: Any) -> list[dict]:
    """Every URL an edge touches, once: stored articles (sources) with their own title, targets with the title
    of the link that points at them. `site_of(url)` names a URL's site (None when unknown)."""
    nodes: dict[str, dict] = {}
    for edge in edges:
        source = nodes.setdefault(edge["source"], {"url": edge["source"], "title": None, "stored": True})
        source["stored"] = True
        source["title"] = source["title"] or edge.get("source_title")
        target = nodes.setdefault(edge["target"], {"url": edge["target"], "title": None, "stored": False})
        target["title"] = target["title"] or edge.get("target_title")
    for node in nodes.values():
        node["site"] = site_of(node["url"])
        node["title"] = node["title"] or ""
    return list(nodes.values())


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _write_xml(root: ET.Element, out: IO[str]) -> None:
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def write_gexf(nodes: list[dict], edges: Iterable[dict], out: IO[str]) -> int:
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "newscrawler"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": cls})
        for name, kind in attrs:
            gexf_type = "integer" if kind == "int" else kind
            ET.SubElement(block, f"{{{GEXF_NS}}}attribute", {"id": name, "title": name, "type": gexf_type})
    node_block = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for node in nodes:
        element = ET.SubElement(node_block, f"{{{GEXF_NS}}}node", {"id": node["url"], "label": node["title"]})
        _gexf_values(element, node, NODE_ATTRS)
    edge_block = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    count = 0
    for count, edge in enumerate(edges, 1):
        element = ET.SubElement(edge_block, f"{{{GEXF_NS}}}edge",
                                {"id": str(count), "source": edge["source"], "target": edge["target"]})
        _gexf_values(element, edge, EDGE_ATTRS)
    _write_xml(root, out)
    return count


def _gexf_values(element: ET.Element, record: dict, attrs: tuple) -> None:
    values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for name, _ in attrs:
        if record.get(name) is not None:
            ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": name, "value": _text(record[name])})


def write_graphml(nodes: list[dict], edges: Iterable[dict], out: IO[str]) -> int:
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        for name, kind in attrs:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key",
                          {"id": f"{cls}_{name}", "for": cls, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "links", "edgedefault": "directed"})
    for node in nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node["url"]})
        _graphml_values(element, "node", node, NODE_ATTRS)
    count = 0
    for count, edge in enumerate(edges, 1):
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge",
                                {"id": f"e{count}", "source": edge["source"], "target": edge["target"]})
        _graphml_values(element, "edge", edge, EDGE_ATTRS)
    _write_xml(root, out)
    return count


def _graphml_values(element: ET.Element, cls: str, record: dict, attrs: tuple) -> None:
    for name, _ in attrs:
        if record.get(name) is not None:
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"{cls}_{name}"}).text = _text(record[name])


def write_nodes_csv(nodes: list[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(NODE_FIELDS), extrasaction="ignore")
    writer.writeheader()
    for node in nodes:
        writer.writerow({**node, "stored": _text(node["stored"])})
    return len(nodes)
