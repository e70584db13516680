-- The Quartz tables stay: a host application's own scheduler may share them.
SELECT 1;
