## Administration: the area and its navigation
admin-nav-link = Administration
admin-title = Administration
admin-nav-label = Administration
admin-nav-overview = Übersicht
admin-nav-users = Konten
admin-nav-orgs = Organisationen
admin-nav-practices = Praxisbeispiele
admin-nav-themes = Themen
admin-nav-rooms = Räume
admin-nav-status = Status
admin-overview-lead = Konten, Organisationen, Praxisbeispiele und Räume betreuen und den Zustand der Plattform im Blick behalten.
admin-overview-users = { $count ->
    [one] { $count } Konto
   *[other] { $count } Konten
}
admin-overview-orgs = { $count ->
    [one] { $count } Organisation
   *[other] { $count } Organisationen
}, { $unverified } nicht verifiziert
admin-overview-hidden = { $count ->
    [one] { $count } ausgeblendetes Praxisbeispiel
   *[other] { $count } ausgeblendete Praxisbeispiele
}
admin-overview-rooms = { $rooms ->
    [one] { $rooms } Raum
   *[other] { $rooms } Räume
} in Nutzung, { $people ->
    [one] { $people } Person
   *[other] { $people } Personen
} gerade darin
admin-overview-themes = Namen und Beschreibungen der Themen in allen Sprachen.
admin-overview-status = Zustand, Version, Datenbank, Instanzen und Zähler.
admin-search-submit = Suchen
admin-actions = Aktionen
admin-pagination-label = Weitere Ergebnisse
admin-next-page = Nächste Seite

## Platform roles
admin-role-admin = Administrator
admin-role-moderator = Moderator
admin-role-member = Mitglied

## Users
admin-users-title = Konten
admin-users-search = Name oder E-Mail-Adresse enthält
admin-users-none = Noch keine Konten.
admin-users-none-found = Kein Konto entspricht dieser Suche.
admin-users-roles-by-admins = Nur die Administration kann Rollen ändern.
admin-users-caption = Konten und ihre Rollen auf der Plattform
admin-users-name = Name
admin-users-email = E-Mail-Adresse
admin-users-email-hidden = Nur für die Administration sichtbar
admin-users-joined = Dabei seit
admin-users-role = Rolle
admin-users-role-of = Rolle von { $name }
admin-users-role-submit = Rolle ändern
admin-users-role-submit-of = für { $name }
notice-admin-role-changed = Die Rolle ist geändert.

## Organizations
admin-orgs-title = Organisationen
admin-orgs-search = Name enthält
admin-orgs-filter-verified = Verifizierung
admin-orgs-filter-verified-any = Verifiziert oder nicht
admin-orgs-filter-verified-no = Nur nicht verifizierte
admin-orgs-filter-verified-yes = Nur verifizierte
admin-orgs-none-found = Keine Organisation entspricht dieser Suche.
admin-orgs-caption = Organisationen und ihre Verifizierung
admin-orgs-name = Name
admin-orgs-kind = Art und Land
admin-orgs-verification = Verifizierung
admin-orgs-verified = Verifiziert
admin-orgs-not-verified = Nicht verifiziert
admin-orgs-edit = { $name } bearbeiten
admin-orgs-verify = { $name } verifizieren
admin-orgs-unverify = Verifizierung von { $name } aufheben
notice-admin-org-verified = Die Organisation ist verifiziert.
notice-admin-org-unverified = Die Organisation ist nicht mehr verifiziert.

## Practices
admin-practices-title = Praxisbeispiele
admin-practices-search = Titel enthält
admin-practices-filter-show = Anzeigen
admin-practices-filter-all = Alle Praxisbeispiele
admin-practices-filter-hidden = Nur ausgeblendete
admin-practices-filter-visible = Nur nicht ausgeblendete
admin-practices-none-found = Kein Praxisbeispiel entspricht dieser Suche.
admin-practice-status-draft = Entwurf
admin-practice-status-published = Veröffentlicht
admin-practice-status-archived = Archiviert
admin-practices-hidden = Ausgeblendet
admin-practices-hidden-by = von { $name }, { $when }
admin-practices-hidden-at = Ausgeblendet am { $when }
admin-practices-shown-by = Wieder eingeblendet von { $name }, { $when }.
admin-practices-shown-at = Wieder eingeblendet am { $when }.
admin-practices-reason = Begründung:
admin-practices-hide-link = „{ $title }“ ausblenden…
admin-practices-show-link = „{ $title }“ wieder einblenden…
admin-visibility-back = Zurück zu den Praxisbeispielen
admin-visibility-hide-title = Praxisbeispiel ausblenden
admin-visibility-show-title = Praxisbeispiel wieder einblenden
admin-visibility-hide-reason = Warum wird es ausgeblendet?
admin-visibility-hide-hint = Die zugehörige Organisation sieht diese Begründung. Höchstens 1.000 Zeichen.
admin-visibility-hide-submit = Praxisbeispiel ausblenden
admin-visibility-show-reason = Warum wird es wieder eingeblendet?
admin-visibility-show-hint = Wird beim Praxisbeispiel für die Moderation gespeichert. Höchstens 1.000 Zeichen.
admin-visibility-show-submit = Praxisbeispiel wieder einblenden
notice-admin-practice-hidden = Das Praxisbeispiel ist ausgeblendet.
notice-admin-practice-shown = Das Praxisbeispiel ist wieder eingeblendet.

## Themes
admin-themes-title = Themen
admin-themes-caption = Themen und die Sprachen, in denen sie verfasst sind
admin-themes-name = Thema
admin-themes-languages = Verfasst in
admin-theme-back = Zurück zu den Themen
admin-theme-edit-title = Thema: { $name }
admin-theme-fallback = Fehlt in einer Sprache der Name, zeigen die Seiten den englischen. Leeren Sie beide Felder einer Sprache, um ihre Übersetzung zu entfernen.
admin-theme-admins-only = Nur die Administration kann Themen ändern.
admin-theme-field-name = Name
admin-theme-field-description = Beschreibung
admin-theme-save = Speichern ({ $language })
notice-admin-theme-saved = Das Thema ist gespeichert.

## Rooms
admin-rooms-title = Räume in Nutzung
admin-rooms-how-counted = Personen, die gerade auf einer der Instanzen der Plattform anwesend sind ({ $instances ->
    [one] { $instances } Instanz
   *[other] { $instances } Instanzen
} aktiv), gezählt anhand der offenen Verbindungen, die jede Instanz erfasst; eine Instanz, die sich { $secs } Sekunden lang nicht meldet, zählt nicht mehr.
admin-rooms-none = Gerade ist niemand in einem Raum.
admin-rooms-caption = Räume, in denen gerade Personen sind
admin-rooms-name = Raum
admin-rooms-participants = Anwesende Personen
admin-rooms-instances = Zuständige Instanzen

## Status
admin-status-title = Status der Plattform
admin-status-health = Zustand
admin-status-ok = In Ordnung
admin-status-ok-detail = Der Server läuft und die Datenbank antwortet.
admin-status-down = Nicht bereit
admin-status-down-detail = Die Datenbank antwortet nicht.
admin-status-version = Version
admin-status-version-number = Version
admin-status-commit = Commit
admin-status-commit-unknown = In diesem Build nicht erfasst
admin-status-database = Datenbank
admin-status-db-reachable = Erreichbar
admin-status-yes = Ja
admin-status-no = Nein
admin-status-db-latency = Antwortzeit
admin-status-ms = { $ms } ms
admin-status-db-migrations = Migrationen
admin-status-migrations-of = { $applied } von { $known } in diesem Build angewendet
admin-status-unknown = Unbekannt
admin-status-db-pool = Verbindungen dieser Instanz
admin-status-pool-use = { $in_use } von { $open } offenen in Nutzung
admin-status-pool-limit = höchstens { $max }, { $waiting } wartend
admin-status-instances = Instanzen
admin-status-instances-count = { $count ->
    [one] { $count } Instanz aktiv
   *[other] { $count } Instanzen aktiv
}
admin-status-instances-how = Jede Instanz meldet sich alle 10 Sekunden; eine Instanz, die sich 45 Sekunden lang nicht meldet, zählt nicht mehr.
admin-status-metrics = Zähler
admin-status-metrics-scope = Werte dieser Instanz seit ihrem Start (Prometheus liefert unter /metrics die Werte jeder Instanz).
admin-status-requests = Beantwortete Anfragen
admin-status-server-errors = Serverfehler
admin-status-sockets = Offene Raumverbindungen
admin-status-room-events = Gespeicherte Raumereignisse

## Messages of the administration's checks
v-is-not-a-platform-role = Wählen Sie eine Rolle aus der Liste.
v-must-be-hidden-or-visible = Wählen Sie eine der Optionen.
v-must-be-hide-or-show = Wählen Sie, ob das Praxisbeispiel ausgeblendet oder wieder eingeblendet werden soll.
v-this-is-the-last-admin-promote-someone-else-first = Dies ist die letzte Person mit Administratorrechten. Vergeben Sie diese Rechte zuerst an eine weitere Person.
v-must-be-at-most-120-characters = Verwenden Sie höchstens 120 Zeichen.
v-must-be-at-most-2000-characters = Verwenden Sie höchstens 2.000 Zeichen.
