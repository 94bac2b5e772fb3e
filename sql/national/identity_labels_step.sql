-- One step of label propagation: each node takes the smallest label among its own, its
-- neighbours' and that of the node its label names (shortcutting, so long chains converge in
-- few steps). Repeated until no label changes, every node holds the smallest label of its
-- connected component.
with neighbour_labels as (
  select e.number, l.label
  from {{identity_edges}} e
  join {{labels}} l on l.number = e.neighbour
),
shortcut_labels as (
  select l.number, named.label
  from {{labels}} l
  join {{labels}} named on named.number = substr(l.label, 5)
),
candidates as (
  select number, label from {{labels}}
  union all
  select number, label from neighbour_labels
  union all
  select number, label from shortcut_labels
)
select number, min(label) as label
from candidates
group by number
