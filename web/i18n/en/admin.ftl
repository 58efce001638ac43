## Administration: the area and its navigation
admin-nav-link = Administration
admin-title = Administration
admin-nav-label = Administration
admin-nav-overview = Overview
admin-nav-users = Users
admin-nav-orgs = Organizations
admin-nav-practices = Practices
admin-nav-themes = Themes
admin-nav-rooms = Rooms
admin-nav-status = Status
admin-overview-lead = Look after people, organizations, practices and rooms, and see how the platform is doing.
admin-overview-users = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
admin-overview-orgs = { $count ->
    [one] { $count } organization
   *[other] { $count } organizations
}, { $unverified } not verified
admin-overview-hidden = { $count ->
    [one] { $count } hidden practice
   *[other] { $count } hidden practices
}
admin-overview-rooms = { $rooms ->
    [one] { $rooms } room
   *[other] { $rooms } rooms
} in use, { $people ->
    [one] { $people } person
   *[other] { $people } people
} in them now
admin-overview-themes = Names and descriptions of the themes in every language.
admin-overview-status = Health, version, database, instances and counters.
admin-search-submit = Search
admin-actions = Actions
admin-pagination-label = More results
admin-next-page = Next page

## Platform roles
admin-role-admin = Administrator
admin-role-moderator = Moderator
admin-role-member = Member

## Users
admin-users-title = Users
admin-users-search = Name or email contains
admin-users-none = No accounts yet.
admin-users-none-found = No account matches this search.
admin-users-roles-by-admins = Only administrators change roles.
admin-users-caption = Accounts and their platform roles
admin-users-name = Name
admin-users-email = Email
admin-users-email-hidden = Shown to administrators
admin-users-joined = Joined
admin-users-role = Role
admin-users-role-of = Role of { $name }
admin-users-role-submit = Change role
admin-users-role-submit-of = of { $name }
notice-admin-role-changed = The role is changed.

## Organizations
admin-orgs-title = Organizations
admin-orgs-search = Name contains
admin-orgs-filter-verified = Verification
admin-orgs-filter-verified-any = Verified or not
admin-orgs-filter-verified-no = Not verified only
admin-orgs-filter-verified-yes = Verified only
admin-orgs-none-found = No organization matches this search.
admin-orgs-caption = Organizations and their verification
admin-orgs-name = Name
admin-orgs-kind = Kind and country
admin-orgs-verification = Verification
admin-orgs-verified = Verified
admin-orgs-not-verified = Not verified
admin-orgs-edit = Edit { $name }
admin-orgs-verify = Verify { $name }
admin-orgs-unverify = Withdraw verification of { $name }
notice-admin-org-verified = The organization is verified.
notice-admin-org-unverified = The organization is no longer verified.

## Practices
admin-practices-title = Practices
admin-practices-search = Title contains
admin-practices-filter-show = Show
admin-practices-filter-all = All practices
admin-practices-filter-hidden = Hidden only
admin-practices-filter-visible = Not hidden only
admin-practices-none-found = No practice matches this search.
admin-practice-status-draft = Draft
admin-practice-status-published = Published
admin-practice-status-archived = Archived
admin-practices-hidden = Hidden
admin-practices-hidden-by = by { $name }, { $when }
admin-practices-hidden-at = Hidden { $when }
admin-practices-shown-by = Shown again by { $name }, { $when }.
admin-practices-shown-at = Shown again { $when }.
admin-practices-reason = Reason:
admin-practices-hide-link = Hide “{ $title }”…
admin-practices-show-link = Show “{ $title }” again…
admin-visibility-back = Back to the practices
admin-visibility-hide-title = Hide a practice
admin-visibility-show-title = Show a practice again
admin-visibility-hide-reason = Why hide it?
admin-visibility-hide-hint = Its organization reads this. Up to 1,000 characters.
admin-visibility-hide-submit = Hide the practice
admin-visibility-show-reason = Why show it again?
admin-visibility-show-hint = Kept with the practice for other moderators. Up to 1,000 characters.
admin-visibility-show-submit = Show the practice again
notice-admin-practice-hidden = The practice is hidden.
notice-admin-practice-shown = The practice is shown again.

## Themes
admin-themes-title = Themes
admin-themes-caption = Themes and the languages they are written in
admin-themes-name = Theme
admin-themes-languages = Written in
admin-theme-back = Back to the themes
admin-theme-edit-title = Theme: { $name }
admin-theme-fallback = Where a language has no name, pages show the English one. Empty both fields of a language to remove its translation.
admin-theme-admins-only = Only administrators change themes.
admin-theme-field-name = Name
admin-theme-field-description = Description
admin-theme-save = Save in { $language }
notice-admin-theme-saved = The theme is saved.

## Rooms
admin-rooms-title = Rooms in use
admin-rooms-how-counted = People present now on every instance of the platform ({ $instances ->
    [one] { $instances } instance
   *[other] { $instances } instances
} alive), as each instance records its open connections; an instance silent for { $secs } seconds no longer counts.
admin-rooms-none = Nobody is in a room right now.
admin-rooms-caption = Rooms with people in them now
admin-rooms-name = Room
admin-rooms-participants = People now
admin-rooms-instances = Instances serving them

## Status
admin-status-title = Platform status
admin-status-health = Health
admin-status-ok = Healthy
admin-status-ok-detail = The server runs and the database answers.
admin-status-down = Not ready
admin-status-down-detail = The database does not answer.
admin-status-version = Version
admin-status-version-number = Version
admin-status-commit = Commit
admin-status-commit-unknown = Not recorded in this build
admin-status-database = Database
admin-status-db-reachable = Reachable
admin-status-yes = Yes
admin-status-no = No
admin-status-db-latency = Round trip
admin-status-ms = { $ms } ms
admin-status-db-migrations = Migrations
admin-status-migrations-of = { $applied } applied of { $known } in this build
admin-status-unknown = Unknown
admin-status-db-pool = Connections of this instance
admin-status-pool-use = { $in_use } in use of { $open } open
admin-status-pool-limit = at most { $max }, { $waiting } waiting
admin-status-instances = Instances
admin-status-instances-count = { $count ->
    [one] { $count } instance alive
   *[other] { $count } instances alive
}
admin-status-instances-how = Each instance records a heartbeat every 10 seconds; one silent for 45 seconds no longer counts.
admin-status-metrics = Counters
admin-status-metrics-scope = Of this instance since it started (Prometheus has every instance's at /metrics).
admin-status-requests = Requests served
admin-status-server-errors = Server errors
admin-status-sockets = Room connections open
admin-status-room-events = Room events stored

## Messages of the administration's checks
v-is-not-a-platform-role = Choose a role from the list.
v-must-be-hidden-or-visible = Choose one of the options.
v-must-be-hide-or-show = Choose to hide or to show again.
v-this-is-the-last-admin-promote-someone-else-first = This is the last administrator. Make someone else an administrator first.
v-must-be-at-most-120-characters = Use at most 120 characters.
v-must-be-at-most-2000-characters = Use at most 2,000 characters.
