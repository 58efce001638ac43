## Events: the moderators' back office (agenda, registrations, check-in, minutes,
## materials, moderators)
evm-nav-label = Veranstaltung verwalten
evm-nav-agenda = Programm
evm-nav-registrations = Anmeldungen
evm-nav-check-in = Check-in
evm-nav-minutes = Protokoll
evm-nav-materials = Materialien
evm-nav-moderators = Moderation
evm-back-to = Zurück zu { $title }

## Problems the service reports
evm-error-stale-minutes = Jemand anderes hat das Protokoll gespeichert, nachdem Sie es geöffnet haben. Ihr Text steht unten, die andere Fassung darüber. Übernehmen Sie, was Sie brauchen, und speichern Sie dann erneut, um die andere Fassung zu ersetzen.
evm-error-last-moderator = Dies ist die letzte Person in der Moderation der Veranstaltung. Fügen Sie zuerst eine weitere Person hinzu.
evm-error-moderates-by-role = Diese Person moderiert die Veranstaltung aufgrund ihrer Rolle in der Organisation. Ändern Sie stattdessen diese Rolle.
evm-error-already-added = Diese Person moderiert die Veranstaltung bereits.
evm-error-event-over = Die Veranstaltung ist beendet oder wurde abgesagt: Ihr Programm kann nicht mehr geändert werden.
v-only-the-event-s-moderators-may-do-this = Wenden Sie sich an die Moderation der Veranstaltung: Nur sie darf das tun.
v-must-be-a-date-and-time = Geben Sie ein Datum und eine Uhrzeit ein.
v-must-be-within-the-event-starts-at-t-ends-at = Wählen Sie eine Uhrzeit zwischen Beginn und Ende der Veranstaltung.
v-at-most-100-agenda-items = Verwenden Sie höchstens 100 Programmpunkte.

## Registrations
evm-registrations-title = Anmeldungen: { $title }
evm-registrations-caption = Für die Veranstaltung angemeldete Personen
evm-registrations-none = Mit diesem Filter wird niemand angezeigt.
evm-registrations-shown = { $n ->
    [one] { $n } Person angezeigt
   *[other] { $n } Personen angezeigt
}
evm-count-seated = { $n } mit Platz
evm-count-waitlisted = { $n } auf der Warteliste
evm-count-attended = { $n } anwesend
evm-count-cancelled = { $n } storniert
evm-download-csv = CSV herunterladen
evm-open-check-in = Check-in-Ansicht öffnen
evm-filter-label = Anzeigen
evm-filter-apply = Filter anwenden
evm-filter-all = Alle
evm-filter-seated = Mit Platz
evm-filter-waitlisted = Warteliste, in Reihenfolge
evm-filter-cancelled = Storniert
evm-filter-attended = Anwesend
evm-col-name = Name
evm-col-registered = Angemeldet am
evm-col-status = Status
evm-col-email = E-Mail-Adresse
evm-col-attended = Anwesenheit
evm-status-seated = Platz bestätigt
evm-status-waitlisted = Auf der Warteliste
evm-status-waitlisted-at = Warteliste: Platz { $n }
evm-status-cancelled = Storniert
evm-attended-yes = Anwesend
evm-attended-no = Nicht eingecheckt

## Check-in at the door
evm-checkin-title = Check-in: { $title }
evm-checkin-progress = { $n } von { $total } eingecheckt
evm-checkin-search = Nach Namen suchen
evm-checkin-search-submit = Suchen
evm-checkin-nobody = Noch hat niemand einen Platz.
evm-checkin-no-match = Niemand mit Platz hat diesen Namen.
evm-checkin-mark = Als anwesend markieren
evm-checkin-undo = Rückgängig
evm-checkin-here = Eingecheckt
evm-checkin-saved = Gespeichert.
evm-checkin-waiting = { $n ->
    [one] Warten auf Verbindung ({ $n } Änderung noch nicht gespeichert)
   *[other] Warten auf Verbindung ({ $n } Änderungen noch nicht gespeichert)
}
evm-checkin-failed = Eine Änderung wurde abgelehnt und rückgängig gemacht. Laden Sie die Seite neu, um die gespeicherte Liste zu sehen.
evm-checkin-signed-out = Ihre Sitzung ist beendet. Melden Sie sich in einem neuen Tab erneut an: Die wartenden Check-ins bleiben erhalten und werden dann gesendet.
notice-evm-marked-attended = Als anwesend markiert.
notice-evm-unmarked = Anwesenheit zurückgenommen.

## Agenda
evm-agenda-title = Programm: { $title }
evm-agenda-times-in = Die Zeiten gelten in der Zeitzone der Veranstaltung, { $tz }. Die Punkte werden zeitlich sortiert. Lassen Sie eine Zeile leer, um sie auszulassen.
evm-agenda-item = Punkt { $n }
evm-agenda-time = Beginn
evm-agenda-item-title = Titel
evm-agenda-speaker = Referent
evm-agenda-notes = Notizen
evm-agenda-remove = Diesen Punkt entfernen
evm-agenda-save = Programm speichern
evm-agenda-add-rows = Zeilen hinzufügen
notice-evm-agenda-saved = Das Programm ist gespeichert.

## Minutes
evm-minutes-title = Protokoll: { $title }
evm-minutes-stored = Version { $n }, gespeichert am { $when }
evm-minutes-none-yet = Noch kein Protokoll.
evm-minutes-revisions-link = Alle Versionen
evm-minutes-theirs = Das Protokoll in der jetzt gespeicherten Fassung
evm-minutes-field = Protokoll
evm-minutes-hint = Markdown: # für Überschriften, * für Listen, **fett**. Bis es veröffentlicht ist, sehen es nur die Moderatorinnen und Moderatoren der Veranstaltung.
evm-minutes-save = Protokoll speichern
evm-minutes-preview = Vorschau
evm-minutes-preview-title = Vorschau
evm-minutes-from-room-title = Mit dem Transkript des Raums beginnen
evm-minutes-from-room-hint = Ersetzt das Protokoll durch die Aufzeichnung des Live-Raums der Veranstaltung (Nachrichten, Umfragen, Fragen und Ideen). Der bisherige Text bleibt unter den Versionen erhalten.
evm-minutes-from-room = Mit dem Transkript beginnen
notice-evm-minutes-saved = Das Protokoll ist gespeichert.
notice-evm-minutes-from-room = Das Protokoll enthält jetzt das Transkript des Raums. Bearbeiten Sie es unten.
evm-minutes-publication-title = Veröffentlichung
evm-minutes-published = Veröffentlicht am { $when }: Alle, die die Veranstaltung sehen können, lesen es, und jede gespeicherte Änderung erscheint sofort.
evm-minutes-unpublished = Nicht veröffentlicht: Nur die Moderatorinnen und Moderatoren der Veranstaltung sehen es.
evm-minutes-publish = Protokoll veröffentlichen
evm-minutes-withdraw = Protokoll zurückziehen
notice-evm-minutes-published = Das Protokoll ist veröffentlicht: Alle, die die Veranstaltung sehen können, können es lesen.
notice-evm-minutes-withdrawn = Das Protokoll ist zurückgezogen: Nur die Moderatorinnen und Moderatoren der Veranstaltung sehen es.
evm-minutes-source-written = Verfasst
evm-minutes-source-from-room = Aus dem Transkript des Raums
evm-revisions-title = Versionen des Protokolls: { $title }
evm-back-to-minutes = Zurück zum Protokoll
evm-revision-version = Version
evm-revision-source = Quelle
evm-revision-when = Gespeichert
evm-revision-n = Version { $n }
evm-revision-markdown = Markdown
evm-pagination-label = Weitere Versionen
evm-next-page = Nächste Seite

## Moderators
evm-moderators-title = Moderation: { $title }
evm-moderator-actions = Aktionen
evm-moderator-you = (Sie)
evm-moderator-remove = { $name } entfernen
evm-moderator-add-title = Person zur Moderation hinzufügen
evm-moderator-email = E-Mail-Adresse
evm-moderator-email-hint = Die Adresse des Kontos der Person. Sie moderiert dann die Veranstaltung und deren Live-Raum.
evm-moderator-add = Zur Moderation hinzufügen
notice-evm-moderator-added = Die Person ist zur Moderation hinzugefügt.
notice-evm-moderator-removed = Die Person ist aus der Moderation entfernt.

## Materials
evm-materials-title = Materialien: { $name }
