-- The claims view pages through every claim in list order (newest article first, then text
-- order). This index is that order, without rejected claims, so a page anywhere in a list
-- of 100,000 claims is an index walk instead of a sort of the whole table.
-- It also carries the kind, so the list filtered to quotations and the counts need no row.
CREATE INDEX claim_list ON claim (article_id DESC, start_char, id, kind) WHERE state != 'rejected';
