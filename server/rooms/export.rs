//! The Markdown record of a session (a workshop's minutes): the chat transcript, poll
//! results, questions with votes, the idea board by column, and what moderators did.
//! Everything participants wrote is escaped, so their text cannot forge structure (or
//! links) in the minutes.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::protocol::payload::{
    Chat, ChatDeleted, QuestionHidden, RoomClosed, RoomLocked, RoomSlowMode, UserMuted, micros,
};
use super::protocol::{Event, EventKind};
use super::repo::Room;
use super::state::RoomState;

/// Escapes Markdown syntax and keeps line breaks inside the current list item.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push_str("  \n  ");
        }
        for c in line.chars() {
            if "\\`*_{}[]()<>#+-.!|~&".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

pub fn markdown(room: &Room, events: &[Event], now: DateTime<Utc>) -> String {
    let mut state = RoomState::default();
    for e in events {
        state.apply(e);
    }
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape(&room.name));
    if let Some(d) = &room.description {
        let _ = writeln!(md, "{}\n", escape(d));
    }
    let _ = writeln!(
        md,
        "_Record of the live room, {} events, exported {}._\n",
        events.len(),
        time(now)
    );

    md.push_str("## Chat\n\n");
    let chats: Vec<(&Event, Chat)> = events
        .iter()
        .filter_map(|e| Some((e, e.payload::<Chat>()?)))
        .collect();
    let mut reactions_of: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for ((target, emoji), users) in &state.reactions {
        if !users.is_empty() {
            reactions_of.entry(*target).or_default().push(format!(
                "{} {}",
                escape(emoji),
                users.len()
            ));
        }
    }
    if chats.is_empty() {
        md.push_str("_No messages._\n");
    }
    for (e, chat) in chats {
        let who = escape(&e.actor.display_name);
        let body = if chat.deleted {
            "_(message deleted)_".to_owned()
        } else {
            let mut b = escape(chat.text.as_deref().unwrap_or_default());
            if chat.edited {
                b.push_str(" _(edited)_");
            }
            b
        };
        let mut reactions = reactions_of.remove(&e.seq).unwrap_or_default();
        reactions.sort();
        let reactions = if reactions.is_empty() {
            String::new()
        } else {
            format!(" ({})", reactions.join(", "))
        };
        let _ = writeln!(md, "- {} **{who}**: {body}{reactions}", time(e.at));
    }

    md.push_str("\n## Polls\n\n");
    if state.polls.is_empty() {
        md.push_str("_No polls._\n");
    }
    for p in state.polls.values() {
        let _ = writeln!(
            md,
            "### {}\n\n{}{} voter(s).\n",
            escape(&p.question),
            if p.closed { "Closed. " } else { "Still open. " },
            p.ballots.len()
        );
        if p.hide_results && !p.closed {
            md.push_str("_Results are hidden until the poll closes._\n\n");
            continue;
        }
        let results = p.results();
        for (i, option) in p.options.iter().enumerate() {
            let n = results.counts.get(i).copied().unwrap_or(0);
            let pct = if p.ballots.is_empty() {
                0.0
            } else {
                100.0 * n as f64 / p.ballots.len() as f64
            };
            let _ = writeln!(md, "- {}: {n} ({pct:.0} %)", escape(option));
        }
        md.push('\n');
    }

    md.push_str("## Questions\n\n");
    let mut questions: Vec<_> = state.questions.values().filter(|q| !q.hidden).collect();
    questions.sort_by(|a, b| {
        b.pinned
            .cmp(&a.pinned)
            .then(b.upvoters.len().cmp(&a.upvoters.len()))
            .then(a.id.cmp(&b.id))
    });
    if questions.is_empty() {
        md.push_str("_No questions._\n");
    }
    for q in questions {
        let mut flags = Vec::new();
        if q.answered {
            flags.push("answered");
        }
        if q.pinned {
            flags.push("pinned");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", flags.join(", "))
        };
        let _ = writeln!(
            md,
            "- **{} vote(s)**{flags} {} (asked by {})",
            q.upvoters.len(),
            escape(&q.text),
            escape(&q.author.display_name)
        );
    }

    md.push_str("\n## Idea board\n\n");
    let mut columns: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for i in state.ideas.values() {
        columns.entry(i.column.as_str()).or_default().push(i);
    }
    if columns.is_empty() {
        md.push_str("_No ideas._\n");
    }
    for (column, mut ideas) in columns {
        ideas.sort_by(|a, b| b.dots.len().cmp(&a.dots.len()).then(a.id.cmp(&b.id)));
        let _ = writeln!(md, "### {}\n", escape(column));
        for i in ideas {
            let _ = writeln!(
                md,
                "- **{} dot(s)** {} ({})",
                i.dots.len(),
                escape(&i.text),
                escape(&i.author.display_name)
            );
        }
        md.push('\n');
    }

    md.push_str("## Moderation\n\n");
    let authors: std::collections::HashMap<i64, uuid::Uuid> = events
        .iter()
        .filter(|e| e.kind == EventKind::Chat)
        .map(|e| (e.seq, e.actor.user_id))
        .collect();
    let mut any = false;
    for e in events {
        let what = match e.kind {
            EventKind::RoomLocked => match e.payload::<RoomLocked>() {
                Some(RoomLocked { locked: true }) => "locked the room".to_owned(),
                _ => "unlocked the room".to_owned(),
            },
            EventKind::RoomClosed => format!(
                "closed the room ({})",
                e.payload::<RoomClosed>()
                    .map_or_else(|| "the event is over".to_owned(), |c| c.reason)
            ),
            EventKind::RoomSlowMode => match e.payload::<RoomSlowMode>() {
                Some(RoomSlowMode { seconds: 0 }) | None => "turned slow mode off".to_owned(),
                Some(RoomSlowMode { seconds }) => format!("set slow mode to {seconds} s"),
            },
            EventKind::UserMuted => match e.payload::<UserMuted>().and_then(|m| m.until) {
                Some(u) => format!("muted a participant until {}", escape(&micros::format(&u))),
                None => "unmuted a participant".to_owned(),
            },
            EventKind::UserKicked => "removed a participant from the room".to_owned(),
            EventKind::UserUnkicked => "let a removed participant back in".to_owned(),
            EventKind::ChatDeleted => {
                let author = e
                    .payload::<ChatDeleted>()
                    .and_then(|d| authors.get(&d.target_seq));
                // Authors removing their own words is not moderation.
                if author == Some(&e.actor.user_id) {
                    continue;
                }
                "deleted a message".to_owned()
            }
            EventKind::QuestionHidden => match e.payload::<QuestionHidden>() {
                Some(QuestionHidden { hidden: true, .. }) => "hid a question".to_owned(),
                _ => continue,
            },
            EventKind::Chat
            | EventKind::ChatEdited
            | EventKind::Reaction
            | EventKind::Hands
            | EventKind::PollCreated
            | EventKind::PollVoted
            | EventKind::PollClosed
            | EventKind::QuestionAsked
            | EventKind::QuestionUpvoted
            | EventKind::QuestionAnswered
            | EventKind::QuestionPinned
            | EventKind::IdeaAdded
            | EventKind::IdeaVoted
            | EventKind::IdeaUnvoted
            | EventKind::IdeaMoved
            | EventKind::IdeaRemoved => continue,
        };
        any = true;
        let _ = writeln!(
            md,
            "- {} **{}** {what}",
            time(e.at),
            escape(&e.actor.display_name)
        );
    }
    if !any {
        md.push_str("_Nothing to report._\n");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn participant_text_cannot_make_links_or_headings() {
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            r"\[x\]\(javascript:alert\(1\)\)"
        );
        assert_eq!(escape("# title\n<b>"), "\\# title  \n  \\<b\\>");
    }
}
