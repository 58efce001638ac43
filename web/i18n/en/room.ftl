## The live room (rooms/pages.rs, web/static/room/). Messages ending in -one / -other are
## the plural forms of one message: the scripts choose with Intl.PluralRules, so a
## language may add -zero, -two, -few, -many; { $count } is the number, already formatted.
## A { $variable } is filled in by the scripts.

## The list of rooms
room-list-title = Live rooms
room-list-lead = Workshop rooms you may enter: chat, raised hands, polls, questions and an idea board, live.
room-list-none = There is no room you may enter yet.
room-list-you-moderate = You moderate it
room-list-more = More rooms
room-list-next = Next rooms
room-access-open = Open to everyone signed in
room-access-members = For the organization's members
room-access-invite = By invitation
room-access-event = For the event's participants

## A new room
room-new-link = New room
room-new-title = A new room
room-new-name = Name
room-new-description = Description (optional)
room-new-access = Who may enter
room-new-dots = Dots per person on the idea board
room-new-dots-hint = From 0 to 100.
room-new-submit = Create the room
notice-room-created = The room is open. You moderate it.
v-must-be-between-0-and-100 = Enter a number between 0 and 100.
v-must-be-open-or-invite = Choose who may enter.

## The room's page
room-needs-javascript = The live room needs JavaScript: it is switched off in this browser.
room-present-link = Projector view
room-present-title = { $name } (projector)
room-present-top-questions = Top questions
room-tabs-label = Room panels
room-someone = Someone
room-cancel = Cancel

## Connection status
room-status-connecting = Connecting…
room-status-reconnecting-now = Reconnecting…
room-status-connected = Live
room-status-resumed = Live again: you are up to date
room-status-reconnecting = Reconnecting in { $seconds } s…
room-status-closed = Room closed: the event is over, the history stays readable
room-status-kicked = A moderator removed you from this room.
room-status-forbidden = You may no longer enter this room.
room-status-session = Your session has ended: sign in again.
room-status-broken = The connection failed: reload the page.

## Chat
room-chat-title = Chat
room-chat-loading = Loading the conversation…
room-chat-history-loaded = Earlier messages are loaded.
room-chat-empty = No messages yet.
room-composer-label = Message
room-composer-send = Send
room-composer-file = Attach a file
room-composer-locked = The room is locked: only moderators can post for now.
room-composer-muted = A moderator muted you until { $time }.
room-composer-closed = The room is closed: nothing can be posted any more.
room-composer-queued = Not connected: your message will be sent when the connection is back.
room-announce-one = { $name }: { $text }
room-announce-many-one = { $count } new message
room-announce-many-other = { $count } new messages
room-msg-actions = Actions
room-msg-actions-for = Actions for the message of { $name }
room-msg-reply = Reply
room-msg-reply-label = Your reply to { $name }
room-msg-edit = Edit
room-msg-edit-label = Edit your message
room-msg-save = Save
room-msg-delete = Delete
room-msg-delete-confirm = Delete this message for everyone?
room-msg-delete-yes = Yes, delete it
room-msg-deleted = This message was deleted.
room-msg-edited = edited
room-msg-react-with = React with { $emoji }
room-reaction-count-one = { $emoji }: { $count } reaction, yours toggles
room-reaction-count-other = { $emoji }: { $count } reactions, yours toggles
room-file-uploading = Uploading the file…
room-file-too-large = The file is too large.
room-file-failed = The file could not be uploaded.
room-file-download = Download { $name }

## Refusals, in words
room-refused-muted = You are muted: you cannot post for now.
room-refused-muted-until = You are muted until { $time }: your text is kept.
room-refused-locked = The room is locked: only moderators can post. Your text is kept.
room-refused-closed = The room is closed: nothing can be posted any more.
room-refused-slow-one = Slow mode: wait { $count } second before your next message. Your text is kept.
room-refused-slow-other = Slow mode: wait { $count } seconds before your next message. Your text is kept.
room-refused-slow-mode = Slow mode: wait a little before your next message. Your text is kept.
room-refused-rate-limited = Too many actions at once: wait a moment, they will be sent again.
room-refused-too-long = This is too long.
room-refused-forbidden = You are not allowed to do this.
room-refused-not-found = This no longer exists.
room-refused-conflict = This is already done.
room-refused-no-dots = All your dots are in use: take one back first.
room-refused-invalid = This could not be sent: check what you typed.
room-refused-unavailable = The server is busy: it will be tried again.
room-refused-offline = Not connected.
room-refused-other = This could not be done.

## The log's lines about the room
room-log-poll-created = { $name } started a poll: { $question }
room-log-poll-closed = { $name } closed a poll.
room-log-locked = { $name } locked the room: only moderators can post.
room-log-unlocked = { $name } unlocked the room.
room-log-closed = The event is over: the room is closed.
room-log-slow-on = { $name } turned on slow mode ({ $seconds } s between messages).
room-log-slow-off = { $name } turned off slow mode.
room-log-muted = { $name } muted { $person } until { $time }.
room-log-unmuted = { $name } unmuted { $person }.
room-log-kicked = { $name } removed { $person } from the room.
room-log-unkicked = { $name } let { $person } back in.

## Hands
room-hands-title = Raised hands
room-hands-none = No hand is raised.
room-hand-raise = Raise my hand
room-hand-lower = Lower my hand
room-hand-lower-other = Lower
room-hand-lower-for = Lower the hand of { $name }
room-hands-clear = Lower all hands

## Polls
room-polls-title = Polls
room-polls-none = No poll yet.
room-poll-new = New poll
room-poll-question = Question
room-poll-options = Options
room-poll-options-hint = One option a line, 2 to 10.
room-poll-multiple = Several answers allowed
room-poll-hide = Hide the results until the poll closes
room-poll-create = Start the poll
room-poll-created = The poll is open.
room-poll-need-options = Write a question and at least two options.
room-poll-choose-one = Choose one answer
room-poll-choose-many = Choose one or more answers
room-poll-choose-first = Choose an answer first.
room-poll-vote = Vote
room-poll-change-vote = Change my vote
room-poll-you-voted = Your vote is counted.
room-poll-close = Close the poll
room-poll-closed = Closed
room-poll-results-hidden = Results are hidden until the poll closes.
room-poll-votes-one = { $count } vote
room-poll-votes-other = { $count } votes
room-poll-votes-share = { $votes } ({ $share })
room-poll-voters-one = { $count } person voted
room-poll-voters-other = { $count } people voted

## Questions
room-questions-title = Questions
room-questions-none = No question yet.
room-question-label = Your question
room-question-ask = Ask
room-question-by = asked by { $name }
room-question-votes-one = { $count } vote
room-question-votes-other = { $count } votes
room-question-upvote = Me too
room-question-answered = Answered
room-question-pinned = Pinned
room-question-hidden = Hidden
room-question-hidden-text = A hidden question
room-question-mark-answered = Answered
room-question-pin = Pin
room-question-hide = Hide

## Ideas
room-ideas-title = Idea board
room-ideas-none = No idea yet.
room-idea-label = Your idea
room-idea-column = Column (optional)
room-idea-column-named = Column { $name }
room-idea-add = Add the idea
room-idea-by = by { $name }
room-idea-dots-one = { $count } dot
room-idea-dots-other = { $count } dots
room-idea-dots-left = You have { $left } of { $budget } dots left.
room-idea-vote = Add a dot
room-idea-unvote = Take my dot back
room-idea-remove = Remove
room-idea-move-to = Move to column
room-idea-move = Move

## People
room-people-title = People here
room-people-count-one = { $count } person in the room
room-people-count-other = { $count } people in the room
room-people-you = you
room-people-muted-until = muted until { $time }

## Moderation
room-mod-title = Moderation
room-mod-lock = Lock the room
room-mod-unlock = Unlock the room
room-mod-slow = Slow mode
room-mod-slow-off = Off
room-mod-slow-seconds = { $seconds } s between messages
room-mod-slow-apply = Apply
room-mod-mute = Mute { $minutes } min
room-mod-mute-who = Mute { $minutes } min: { $name }
room-mod-unmute = Unmute
room-mod-unmute-who = Unmute { $name }
room-mod-kick = Remove
room-mod-kick-who = Remove { $name } from the room
room-mod-unkick = Let back in
room-mod-unkick-who = Let { $name } back in
room-mod-removed = Removed from the room
room-mod-removed-none = Nobody was removed.
room-mod-hint = Mute and remove people from the list of people here; delete any message from its actions.

## Keyboard help
room-help-open = Keyboard shortcuts
room-help-title = Keyboard shortcuts
room-help-key-help = Show this help
room-help-key-compose = Go to the message box
room-help-key-send = Send the message
room-help-key-newline = A new line in the message
room-help-key-panels = Go to a panel: hands, polls, questions, ideas, people, moderation
room-help-key-escape = Close this help or a message's actions
room-help-close = Close
room-key-enter = Enter
room-key-shift = Shift
room-key-alt = Alt
room-key-escape = Escape
