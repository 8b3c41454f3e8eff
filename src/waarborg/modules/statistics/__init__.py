"""The public website's visitors: visit statistics, the cookie banner, and the municipal policy report.

Visit data (IP address, operating system, browser, time, user name) is collected for statistics only
and made anonymous the moment it arrives (AVG art. 89, "zo veel mogelijk anonimiseren"): the IP address
is truncated, the user name becomes a keyed pseudonym that changes every day, and the raw values are
never written anywhere. What leaves this app are aggregates. The cookie banner follows the policy's
cookie list: only cookies declared functional are set before the visitor chooses; social-media scripts
and embedded content load only after "accepteren" (Telecommunicatiewet art. 11.7a).

The policy switches the module on and names its purposes (`modules.statistics.purposes`: `visits`, `reports`);
without it no visit is recorded and the statistics endpoints answer 404. The cookie banner is not part of
that switch: every policy's cookie statement is honoured, whether or not it counts visits.
"""
