-- Definitive number → child_id: the number of its component that appeared first.
with labels as (
  select number, label from {{labels}}
)
select number, substr(label, 5) as child_id
from labels
