"""Neo4j: CSVs for ``neo4j-admin database import`` plus an ``import.cypher`` (LOAD CSV + MERGE).

Headers carry neo4j-admin types: ``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
``:TYPE``, ints as ``:long`` and floats as ``:double`` (Cypher numbers are 64-bit; ``float``
would round pagerank to 32 bits). Every node gets the label ``Entity`` plus its type
(``Entity;PERSON``, ``;`` being neo4j-admin's default array delimiter). The relation becomes
the relationship type in upper case (``holds_position`` -> ``HOLDS_POSITION``) and is also kept
as the ``relation`` property. "|"-joined lists stay strings; split them in Cypher if needed.
Evidence may span lines: neo4j-admin needs ``--multiline-fields=true``.

The CSVs are spreadsheet-safe like ``kg.readwrite.tables`` (a text cell that would start a
formula gets a leading ``'``); ``import.cypher`` takes that mark off again. For neo4j-admin,
which cannot, write them with ``raw=True`` (``kg export --format neo4j --raw``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from kg.readwrite.atomic import atomic_write
from kg.readwrite.clean import attribute_types, clean_graph
from kg.readwrite.tables import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    TEXT_MARK,
    cell_reader,
    ordered_columns,
    write_rows,
)

ENTITY_LABEL = "Entity"
DEFAULT_REL_TYPE = "RELATED_TO"
NEO4J_TYPES: dict[type, str] = {int: "long", float: "double", bool: "boolean", str: "string"}
CYPHER_CASTS: dict[str, str] = {"long": "toInteger", "double": "toFloat", "boolean": "toBoolean"}
# Columns neo4j-admin treats specially; an attribute with one of these names is not written.
_NODE_RESERVED = ("id",)
_EDGE_RESERVED = ("key",)


def _symbol(text: str, *, upper: bool) -> str:
    """A Neo4j label / relationship type: letters, digits and _ only (CJK letters allowed)."""
    symbol = re.sub(r"\W+", "_", text).strip("_")
    if not symbol:
        return ""
    if symbol[0].isdigit():
        symbol = "_" + symbol
    return symbol.upper() if upper else symbol


def relationship_type(relation: object) -> str:
    """``holds_position`` -> ``HOLDS_POSITION``; missing or unusable -> ``RELATED_TO``."""
    symbol = "" if relation is None else _symbol(str(relation), upper=True)
    return symbol or DEFAULT_REL_TYPE


def _header(name: str, kind: type) -> str:
    neo_type = NEO4J_TYPES.get(kind, "string")
    return name if neo_type == "string" else f"{name}:{neo_type}"


def _node_labels(data: dict) -> list[str]:
    type_label = _symbol(str(data.get("type", "")), upper=False)
    return [ENTITY_LABEL] + ([type_label] if type_label and type_label != ENTITY_LABEL else [])


def _cypher_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _cell(header: str, raw: bool) -> str:
    """Cypher reading a text column: without the spreadsheet mark unless the CSV is ``raw``."""
    value = f"row.`{header}`"
    if raw:
        return value
    mark = _cypher_string(TEXT_MARK)
    return f"CASE WHEN {value} STARTS WITH {mark} THEN substring({value}, 1) ELSE {value} END"


def _set_clause(var: str, headers: Sequence[str], columns: Sequence[str], raw: bool) -> str:
    parts = []
    for header, column in zip(headers, columns, strict=True):
        neo_type = header.split(":", 1)[1] if ":" in header else "string"
        value = _cell(header, raw)
        if neo_type in CYPHER_CASTS:
            value = f"{CYPHER_CASTS[neo_type]}(row.`{header}`)"
        parts.append(f"{var}.`{column}` = {value}")
    return "SET " + ",\n    ".join(parts) if parts else ""


def import_cypher(
    *,
    nodes_file: str,
    edges_file: str,
    node_headers: Sequence[str],
    node_columns: Sequence[str],
    edge_headers: Sequence[str],
    edge_columns: Sequence[str],
    labels: Sequence[str],
    rel_types: Sequence[str],
    raw: bool = False,
) -> str:
    """A cypher-shell script loading the same CSVs with LOAD CSV + MERGE (re-runnable)."""
    lines = [
        "// Load the kg graph into a running Neo4j 5 (re-runnable: MERGE on ids).",
        f"// Copy {nodes_file} and {edges_file} into the database's import folder, then:",
        "//   cypher-shell -u neo4j -p <password> -f import.cypher",
        "// Faster, into an empty database (Neo4j 5):",
        (
            f"//   neo4j-admin database import full --nodes={nodes_file} "
            f"--relationships={edges_file} --multiline-fields=true neo4j"
        ),
        "",
        f"CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;",
        "",
        f"LOAD CSV WITH HEADERS FROM 'file:///{nodes_file}' AS row",
        f"MERGE (n:{ENTITY_LABEL} {{id: {_cell('id:ID', raw)}}})",
    ]
    clause = _set_clause("n", node_headers, node_columns, raw)
    if clause:
        lines.append(clause)
    for label in labels:
        if label == ENTITY_LABEL:
            continue
        lines.append(
            f"FOREACH (_ IN CASE WHEN {_cypher_string(label)} IN split(row.`:LABEL`, ';') "
            f"THEN [1] ELSE [] END | SET n:`{label}`)"
        )
    lines[-1] += ";"
    for rel_type in rel_types:
        lines += [
            "",
            f"LOAD CSV WITH HEADERS FROM 'file:///{edges_file}' AS row",
            f"WITH row WHERE row.`:TYPE` = {_cypher_string(rel_type)}",
            (
                f"MATCH (a:{ENTITY_LABEL} {{id: {_cell(':START_ID', raw)}}}), "
                f"(b:{ENTITY_LABEL} {{id: {_cell(':END_ID', raw)}}})"
            ),
            f"MERGE (a)-[r:`{rel_type}` {{key: {_cell('key', raw)}}}]->(b)",
        ]
        clause = _set_clause("r", edge_headers, edge_columns, raw)
        lines.append((clause or "RETURN count(r)") + ";")
    return "\n".join(lines) + "\n"


def write_neo4j(
    graph: nx.Graph,
    out_dir: str | Path,
    *,
    nodes_name: str = "nodes.csv",
    edges_name: str = "relationships.csv",
    cypher_name: str = "import.cypher",
    raw: bool = False,
) -> list[Path]:
    """Write neo4j-admin import CSVs and an import.cypher into ``out_dir``; return their paths.
    Cells are spreadsheet-safe unless ``raw``."""
    out = Path(out_dir)
    cleaned = clean_graph(graph)

    node_data = [d for _, d in cleaned.nodes(data=True)]
    node_types = attribute_types(node_data)
    node_columns = ordered_columns(list(node_types), NODE_COLUMNS, _NODE_RESERVED)
    node_headers = [_header(c, node_types[c]) for c in node_columns]
    labels_seen: dict[str, None] = {}
    node_rows = []
    node_cells = cell_reader(node_columns, node_types)
    for node, data in cleaned.nodes(data=True):
        labels = _node_labels(data)
        labels_seen.update(dict.fromkeys(labels))
        node_rows.append([str(node), *node_cells(data), ";".join(labels)])

    if cleaned.is_multigraph():
        edges = list(cleaned.edges(keys=True, data=True))
    else:
        edges = [(u, v, None, d) for u, v, d in cleaned.edges(data=True)]
    edge_types = attribute_types([d for *_, d in edges])
    edge_columns = ordered_columns(list(edge_types), EDGE_COLUMNS, _EDGE_RESERVED)
    edge_headers = [_header(c, edge_types[c]) for c in edge_columns]
    rel_seen: dict[str, None] = {}
    edge_rows = []
    edge_cells = cell_reader(edge_columns, edge_types)
    for u, v, k, data in edges:
        rel = relationship_type(data.get("relation"))
        rel_seen[rel] = None
        key = "" if k is None else str(k)
        edge_rows.append([str(u), str(v), rel, key, *edge_cells(data)])

    nodes_path, edges_path, cypher_path = out / nodes_name, out / edges_name, out / cypher_name
    write_rows(nodes_path, ["id:ID", *node_headers, ":LABEL"], node_rows, encoding="utf-8", raw=raw)
    write_rows(
        edges_path,
        [":START_ID", ":END_ID", ":TYPE", "key", *edge_headers],
        edge_rows,
        encoding="utf-8",
        raw=raw,
    )
    script = import_cypher(
        nodes_file=nodes_name,
        edges_file=edges_name,
        node_headers=node_headers,
        node_columns=node_columns,
        edge_headers=edge_headers,
        edge_columns=edge_columns,
        labels=list(labels_seen),
        rel_types=list(rel_seen),
        raw=raw,
    )
    with atomic_write(cypher_path, "w", newline="\n") as handle:
        handle.write(script)
    return [nodes_path, edges_path, cypher_path]
