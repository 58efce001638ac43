## The live room (rooms/pages.rs, web/static/room/). Messages ending in -one / -other are
## the plural forms of one message: the scripts choose with Intl.PluralRules, so a
## language may add -zero, -two, -few, -many; { $count } is the number, already formatted.
## A { $variable } is filled in by the scripts.

## The list of rooms
room-list-title = Live-Räume
room-list-lead = Workshop-Räume, die Sie betreten können: Chat, Handmeldungen, Umfragen, Fragen und eine Ideenwand, alles live.
room-list-none = Es gibt noch keinen Raum, den Sie betreten können.
room-list-you-moderate = Sie moderieren ihn
room-list-more = Weitere Räume
room-list-next = Nächste Räume
room-access-open = Offen für alle Angemeldeten
room-access-members = Für Mitglieder der Organisation
room-access-invite = Nur mit Einladung
room-access-event = Für Teilnehmende der Veranstaltung

## A new room
room-new-link = Neuer Raum
room-new-title = Neuer Raum
room-new-name = Name
room-new-description = Beschreibung (optional)
room-new-access = Wer den Raum betreten darf
room-new-dots = Punkte pro Person auf der Ideenwand
room-new-dots-hint = Von 0 bis 100.
room-new-submit = Raum anlegen
notice-room-created = Der Raum ist eröffnet. Sie moderieren ihn.
v-must-be-between-0-and-100 = Geben Sie eine Zahl zwischen 0 und 100 ein.
v-must-be-open-or-invite = Wählen Sie, wer den Raum betreten darf.

## The room's page
room-needs-javascript = Der Live-Raum benötigt JavaScript, das in diesem Browser ausgeschaltet ist.
room-present-link = Projektoransicht
room-present-title = { $name } (Projektor)
room-present-top-questions = Top-Fragen
room-tabs-label = Bereiche des Raums
room-someone = Jemand
room-cancel = Abbrechen

## Connection status
room-status-connecting = Verbindung wird hergestellt…
room-status-reconnecting-now = Verbindung wird wiederhergestellt…
room-status-connected = Live
room-status-resumed = Wieder live: Sie sind auf dem neuesten Stand
room-status-reconnecting = Neuer Verbindungsversuch in { $seconds } s…
room-status-closed = Raum geschlossen: Die Veranstaltung ist vorbei, der Verlauf bleibt lesbar
room-status-kicked = Die Moderation hat Sie aus diesem Raum entfernt.
room-status-forbidden = Sie dürfen diesen Raum nicht mehr betreten.
room-status-session = Ihre Sitzung ist abgelaufen: Bitte melden Sie sich erneut an.
room-status-broken = Die Verbindung ist fehlgeschlagen: Laden Sie die Seite neu.

## Chat
room-chat-title = Chat
room-chat-loading = Unterhaltung wird geladen…
room-chat-history-loaded = Frühere Nachrichten sind geladen.
room-chat-empty = Noch keine Nachrichten.
room-composer-label = Nachricht
room-composer-send = Senden
room-composer-file = Datei anhängen
room-composer-locked = Der Raum ist gesperrt: Vorerst kann nur die Moderation schreiben.
room-composer-muted = Die Moderation hat Sie bis { $time } stummgeschaltet.
room-composer-closed = Der Raum ist geschlossen: Beiträge sind nicht mehr möglich.
room-composer-queued = Keine Verbindung: Ihre Nachricht wird gesendet, sobald die Verbindung wieder besteht.
room-announce-one = { $name }: { $text }
room-announce-many-one = { $count } neue Nachricht
room-announce-many-other = { $count } neue Nachrichten
room-msg-actions = Aktionen
room-msg-actions-for = Aktionen für die Nachricht von { $name }
room-msg-reply = Antworten
room-msg-reply-label = Ihre Antwort an { $name }
room-msg-edit = Bearbeiten
room-msg-edit-label = Ihre Nachricht bearbeiten
room-msg-save = Speichern
room-msg-delete = Löschen
room-msg-delete-confirm = Diese Nachricht für alle löschen?
room-msg-delete-yes = Ja, löschen
room-msg-deleted = Diese Nachricht wurde gelöscht.
room-msg-edited = bearbeitet
room-msg-react-with = Mit { $emoji } reagieren
room-reaction-count-one = { $emoji }: { $count } Reaktion – Ihre hinzufügen oder entfernen
room-reaction-count-other = { $emoji }: { $count } Reaktionen – Ihre hinzufügen oder entfernen
room-file-uploading = Datei wird hochgeladen…
room-file-too-large = Die Datei ist zu groß.
room-file-failed = Die Datei konnte nicht hochgeladen werden.
room-file-download = { $name } herunterladen

## Refusals, in words
room-refused-muted = Sie sind stummgeschaltet: Vorerst können Sie nichts senden.
room-refused-muted-until = Sie sind bis { $time } stummgeschaltet: Ihr Text bleibt erhalten.
room-refused-locked = Der Raum ist gesperrt: Nur die Moderation kann schreiben. Ihr Text bleibt erhalten.
room-refused-closed = Der Raum ist geschlossen: Beiträge sind nicht mehr möglich.
room-refused-slow-one = Langsamer Modus: Warten Sie { $count } Sekunde bis zu Ihrer nächsten Nachricht. Ihr Text bleibt erhalten.
room-refused-slow-other = Langsamer Modus: Warten Sie { $count } Sekunden bis zu Ihrer nächsten Nachricht. Ihr Text bleibt erhalten.
room-refused-slow-mode = Langsamer Modus: Warten Sie kurz bis zu Ihrer nächsten Nachricht. Ihr Text bleibt erhalten.
room-refused-rate-limited = Zu viele Aktionen auf einmal: Warten Sie einen Moment, sie werden erneut gesendet.
room-refused-too-long = Das ist zu lang.
room-refused-forbidden = Dazu sind Sie nicht berechtigt.
room-refused-not-found = Das gibt es nicht mehr.
room-refused-conflict = Das ist bereits erledigt.
room-refused-no-dots = Alle Ihre Punkte sind vergeben: Nehmen Sie zuerst einen zurück.
room-refused-invalid = Das konnte nicht gesendet werden: Prüfen Sie Ihre Eingabe.
room-refused-unavailable = Der Server ist ausgelastet: Es wird erneut versucht.
room-refused-offline = Keine Verbindung.
room-refused-other = Das war nicht möglich.

## The log's lines about the room
room-log-poll-created = { $name } hat eine Umfrage gestartet: { $question }
room-log-poll-closed = { $name } hat eine Umfrage beendet.
room-log-locked = { $name } hat den Raum gesperrt: Nur die Moderation kann schreiben.
room-log-unlocked = { $name } hat den Raum entsperrt.
room-log-closed = Die Veranstaltung ist vorbei: Der Raum ist geschlossen.
room-log-slow-on = { $name } hat den langsamen Modus eingeschaltet ({ $seconds } s zwischen Nachrichten).
room-log-slow-off = { $name } hat den langsamen Modus ausgeschaltet.
room-log-muted = { $name } hat { $person } bis { $time } stummgeschaltet.
room-log-unmuted = { $name } hat die Stummschaltung von { $person } aufgehoben.
room-log-kicked = { $name } hat { $person } aus dem Raum entfernt.
room-log-unkicked = { $name } hat { $person } wieder hereingelassen.

## Hands
room-hands-title = Handmeldungen
room-hands-none = Niemand hat die Hand gehoben.
room-hand-raise = Hand heben
room-hand-lower = Hand senken
room-hand-lower-other = Senken
room-hand-lower-for = Hand von { $name } senken
room-hands-clear = Alle Hände senken

## Polls
room-polls-title = Umfragen
room-polls-none = Noch keine Umfrage.
room-poll-new = Neue Umfrage
room-poll-question = Frage
room-poll-options = Antwortmöglichkeiten
room-poll-options-hint = Eine pro Zeile, 2 bis 10.
room-poll-multiple = Mehrere Antworten erlaubt
room-poll-hide = Ergebnisse bis zum Ende der Umfrage ausblenden
room-poll-create = Umfrage starten
room-poll-created = Die Umfrage läuft.
room-poll-need-options = Geben Sie eine Frage und mindestens zwei Antwortmöglichkeiten ein.
room-poll-choose-one = Wählen Sie eine Antwort
room-poll-choose-many = Wählen Sie eine oder mehrere Antworten
room-poll-choose-first = Wählen Sie zuerst eine Antwort.
room-poll-vote = Abstimmen
room-poll-change-vote = Meine Stimme ändern
room-poll-you-voted = Ihre Stimme ist gezählt.
room-poll-close = Umfrage beenden
room-poll-closed = Beendet
room-poll-results-hidden = Die Ergebnisse sind bis zum Ende der Umfrage ausgeblendet.
room-poll-votes-one = { $count } Stimme
room-poll-votes-other = { $count } Stimmen
room-poll-votes-share = { $votes } ({ $share })
room-poll-voters-one = { $count } Person hat abgestimmt
room-poll-voters-other = { $count } Personen haben abgestimmt

## Questions
room-questions-title = Fragen
room-questions-none = Noch keine Fragen.
room-question-label = Ihre Frage
room-question-ask = Frage stellen
room-question-by = gestellt von { $name }
room-question-votes-one = { $count } Stimme
room-question-votes-other = { $count } Stimmen
room-question-upvote = Ich auch
room-question-answered = Beantwortet
room-question-pinned = Angeheftet
room-question-hidden = Ausgeblendet
room-question-hidden-text = Eine ausgeblendete Frage
room-question-mark-answered = Beantwortet
room-question-pin = Anheften
room-question-hide = Ausblenden

## Ideas
room-ideas-title = Ideenwand
room-ideas-none = Noch keine Ideen.
room-idea-label = Ihre Idee
room-idea-column = Spalte (optional)
room-idea-column-named = Spalte { $name }
room-idea-add = Idee hinzufügen
room-idea-by = von { $name }
room-idea-dots-one = { $count } Punkt
room-idea-dots-other = { $count } Punkte
room-idea-dots-left = Sie haben noch { $left } von { $budget } Punkten.
room-idea-vote = Punkt vergeben
room-idea-unvote = Meinen Punkt zurücknehmen
room-idea-remove = Entfernen
room-idea-move-to = In Spalte verschieben
room-idea-move = Verschieben

## People
room-people-title = Anwesende
room-people-count-one = { $count } Person im Raum
room-people-count-other = { $count } Personen im Raum
room-people-you = Sie
room-people-muted-until = stummgeschaltet bis { $time }

## Moderation
room-mod-title = Moderation
room-mod-lock = Raum sperren
room-mod-unlock = Raum entsperren
room-mod-slow = Langsamer Modus
room-mod-slow-off = Aus
room-mod-slow-seconds = { $seconds } s zwischen Nachrichten
room-mod-slow-apply = Anwenden
room-mod-mute = { $minutes } Min. stummschalten
room-mod-mute-who = { $name } für { $minutes } Min. stummschalten
room-mod-unmute = Stummschaltung aufheben
room-mod-unmute-who = Stummschaltung von { $name } aufheben
room-mod-kick = Entfernen
room-mod-kick-who = { $name } aus dem Raum entfernen
room-mod-unkick = Wieder hereinlassen
room-mod-unkick-who = { $name } wieder hereinlassen
room-mod-removed = Aus dem Raum entfernt
room-mod-removed-none = Niemand wurde entfernt.
room-mod-hint = Personen stummschalten oder entfernen Sie über die Liste der Anwesenden, Nachrichten löschen Sie über deren Aktionen.

## Keyboard help
room-help-open = Tastenkürzel
room-help-title = Tastenkürzel
room-help-key-help = Diese Hilfe anzeigen
room-help-key-compose = Zum Nachrichtenfeld springen
room-help-key-send = Nachricht senden
room-help-key-newline = Neue Zeile in der Nachricht
room-help-key-panels = Zu einem Bereich springen: Handmeldungen, Umfragen, Fragen, Ideen, Anwesende, Moderation
room-help-key-escape = Diese Hilfe oder die Aktionen einer Nachricht schließen
room-help-close = Schließen
room-key-enter = Eingabe
room-key-shift = Umschalt
room-key-alt = Alt
room-key-escape = Esc
