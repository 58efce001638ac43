-- The expiries cut by `up.sql` are not kept: going down leaves them capped (a shorter
-- expiry is always safe).
SELECT 1;
