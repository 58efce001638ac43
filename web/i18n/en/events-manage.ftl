## Events: the moderators' back office (agenda, registrations, check-in, minutes,
## materials, moderators)
evm-nav-label = Manage this event
evm-nav-agenda = Agenda
evm-nav-registrations = Registrations
evm-nav-check-in = Check-in
evm-nav-minutes = Minutes
evm-nav-materials = Materials
evm-nav-moderators = Moderators
evm-back-to = Back to { $title }

## Problems the service reports
evm-error-stale-minutes = Someone else saved the minutes after you opened them. Your text is kept below; their version is shown above it. Merge what you need, then save again to replace theirs.
evm-error-last-moderator = This is the event's last moderator. Add someone else first.
evm-error-moderates-by-role = This person moderates the event through their role in its organization. Change that role instead.
evm-error-already-added = This person already moderates the event.
evm-error-event-over = The event has ended or was cancelled: its agenda can no longer be changed.
v-only-the-event-s-moderators-may-do-this = Only the event's moderators may do this.
v-must-be-a-date-and-time = Enter a date and a time.
v-must-be-within-the-event-starts-at-t-ends-at = Choose a time between the start and the end of the event.
v-at-most-100-agenda-items = An agenda can have at most 100 items.

## Registrations
evm-registrations-title = Registrations: { $title }
evm-registrations-caption = People registered for the event
evm-registrations-none = Nobody is listed with this filter.
evm-registrations-shown = { $n ->
    [one] { $n } person shown
   *[other] { $n } people shown
}
evm-count-seated = { $n } seated
evm-count-waitlisted = { $n } on the waitlist
evm-count-attended = { $n } attended
evm-count-cancelled = { $n } cancelled
evm-download-csv = Download CSV
evm-open-check-in = Open the check-in screen
evm-filter-label = Show
evm-filter-apply = Apply filter
evm-filter-all = Everyone
evm-filter-seated = Seated
evm-filter-waitlisted = Waitlist, in order
evm-filter-cancelled = Cancelled
evm-filter-attended = Attended
evm-col-name = Name
evm-col-registered = Registered at
evm-col-status = Status
evm-col-email = Email
evm-col-attended = Attendance
evm-status-seated = Seated
evm-status-waitlisted = Waitlisted
evm-status-waitlisted-at = Waitlisted, number { $n }
evm-status-cancelled = Cancelled
evm-attended-yes = Attended
evm-attended-no = Not checked in

## Check-in at the door
evm-checkin-title = Check-in: { $title }
evm-checkin-progress = { $n } of { $total } checked in
evm-checkin-search = Find by name
evm-checkin-search-submit = Find
evm-checkin-nobody = Nobody has a seat yet.
evm-checkin-no-match = Nobody with a seat has this name.
evm-checkin-mark = Mark attended
evm-checkin-undo = Undo
evm-checkin-here = Checked in
evm-checkin-saved = Saved.
evm-checkin-waiting = { $n ->
    [one] Waiting for connection ({ $n } change not saved yet)
   *[other] Waiting for connection ({ $n } changes not saved yet)
}
evm-checkin-failed = A change was refused and undone. Reload the page to see the list as saved.
evm-checkin-signed-out = You are signed out. Sign in again in a new tab: the check-ins waiting here are kept and sent then.
notice-evm-marked-attended = Marked as attended.
notice-evm-unmarked = Attendance undone.

## Agenda
evm-agenda-title = Agenda: { $title }
evm-agenda-times-in = Times are in the event's timezone, { $tz }. Items are kept in time order. Leave a row empty to skip it.
evm-agenda-item = Item { $n }
evm-agenda-time = Starts at
evm-agenda-item-title = Title
evm-agenda-speaker = Speaker
evm-agenda-notes = Notes
evm-agenda-remove = Remove this item
evm-agenda-save = Save the agenda
evm-agenda-add-rows = Add rows
notice-evm-agenda-saved = The agenda is saved.

## Minutes
evm-minutes-title = Minutes: { $title }
evm-minutes-stored = Version { $n }, saved { $when }
evm-minutes-none-yet = No minutes yet.
evm-minutes-revisions-link = All versions
evm-minutes-theirs = The minutes as saved now
evm-minutes-field = Minutes
evm-minutes-hint = Markdown: # for headings, * for lists, **bold**. Only the event's moderators see them until they are published.
evm-minutes-save = Save the minutes
evm-minutes-preview = Preview
evm-minutes-preview-title = Preview
evm-minutes-from-room-title = Start from the room's transcript
evm-minutes-from-room-hint = Replaces the minutes with the record of the event's live room (messages, polls, questions and ideas). What is written now stays among the versions.
evm-minutes-from-room = Start from the transcript
notice-evm-minutes-saved = The minutes are saved.
notice-evm-minutes-from-room = The minutes now hold the room's transcript. Edit them below.
evm-minutes-publication-title = Publication
evm-minutes-published = Published on { $when }: everyone who can see the event reads them, and each saved change shows at once.
evm-minutes-unpublished = Not published: only the event's moderators see them.
evm-minutes-publish = Publish the minutes
evm-minutes-withdraw = Withdraw the minutes
notice-evm-minutes-published = The minutes are published: everyone who can see the event can read them.
notice-evm-minutes-withdrawn = The minutes are withdrawn: only the event's moderators see them.
evm-minutes-source-written = Written
evm-minutes-source-from-room = From the room's transcript
evm-revisions-title = Versions of the minutes: { $title }
evm-back-to-minutes = Back to the minutes
evm-revision-version = Version
evm-revision-source = Source
evm-revision-when = Saved
evm-revision-n = Version { $n }
evm-revision-markdown = Markdown
evm-pagination-label = More versions
evm-next-page = Next page

## Moderators
evm-moderators-title = Moderators: { $title }
evm-moderator-actions = Actions
evm-moderator-you = (you)
evm-moderator-remove = Remove { $name }
evm-moderator-add-title = Add a moderator
evm-moderator-email = Email address
evm-moderator-email-hint = The address of their account. They will moderate the event and its live room.
evm-moderator-add = Add moderator
notice-evm-moderator-added = The moderator is added.
notice-evm-moderator-removed = The moderator is removed.

## Materials
evm-materials-title = Materials: { $name }
