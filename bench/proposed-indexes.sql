-- Indexes proposed for src/platform/db/schema.ts (cases), measured with bench/cases.bench.ts --proposed-indexes.
-- Each serves a worklist branch in the exact worklist order (priority desc, next due asc nulls last, opened,
-- id) over open cases only, so a page is the first offset+limit index entries instead of a sort of every
-- open case of the organisation. The filter columns trail the key (after id they do not change the order)
-- so that filters and the capped count are answered from the index alone, without visiting the table.
drop index if exists cases_open_org_order_idx;
create index cases_open_org_order_idx on cases (organization_id, priority_score desc, next_due_on asc nulls last, opened_at, id, case_type, province_code, assigned_to_id, destination_countries) where stage <> 'closed';
create index if not exists cases_open_assignee_order_idx on cases (assigned_to_id, priority_score desc, next_due_on asc nulls last, opened_at, id) where stage <> 'closed';
create index if not exists cases_open_unassigned_creator_idx on cases (created_by_id, priority_score desc, next_due_on asc nulls last, opened_at, id) where assigned_to_id is null and stage <> 'closed';
create index if not exists cases_queue_order_idx on cases (organization_id, priority_score desc, next_due_on asc nulls last, opened_at, id) where assigned_to_id is null and stage <> 'closed';
