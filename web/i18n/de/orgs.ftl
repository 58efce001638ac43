## Organizations: the directory
orgs-directory-title = Organisationen
orgs-directory-description = Städte, Regionen, Behörden, Unternehmen und Gruppen, die an den Reallaboren teilnehmen.
orgs-new-link = Organisation anlegen
orgs-filter-title = Filter
orgs-filter-name = Name enthält
orgs-filter-any-kind = Alle Arten
orgs-filter-verified = Verifizierung
orgs-filter-verified-any = Verifiziert oder nicht
orgs-filter-verified-yes = Nur verifizierte
orgs-filter-verified-no = Nur nicht verifizierte
orgs-filter-submit = Organisationen anzeigen
orgs-filter-clear = Filter zurücksetzen
orgs-results-title = Ergebnisse
orgs-none-found = Keine Organisation entspricht diesen Filtern.
orgs-member-count = { $count ->
    [one] { $count } Mitglied
   *[other] { $count } Mitglieder
}
orgs-pagination-label = Weitere Organisationen
orgs-next-page = Nächste Seite
orgs-verified = Verifiziert
orgs-not-verified = Noch nicht verifiziert

## Kinds of organization and roles in one
orgs-kind-city = Stadt
orgs-kind-region = Region
orgs-kind-company = Unternehmen
orgs-kind-research = Forschung
orgs-kind-ngo = NGO
orgs-kind-public-agency = Behörde
orgs-kind-citizen-group = Bürgergruppe
orgs-kind-other = Sonstige
orgs-role-owner = Eigentümer
orgs-role-editor = Bearbeiter
orgs-role-member = Mitglied

## Creating and editing
orgs-new-title = Organisation anlegen
orgs-new-hint = Sie werden ihr Eigentümer. Die Plattformadministration kann sie anschließend verifizieren.
orgs-edit-title = { $name } bearbeiten
orgs-edit-verified-hint = Ein neuer Name, eine neue Art oder ein neues Land hebt die Verifizierung auf, bis die Administration sie erneut prüft.
orgs-field-name = Name
orgs-field-kind = Art
orgs-field-country = Land
orgs-hint-country = Ländercode aus zwei Buchstaben, zum Beispiel ES, IT oder DE.
orgs-field-population = Einwohnerzahl
orgs-hint-population = Für eine Stadt oder Region (optional).
orgs-field-website = Website
orgs-field-description = Beschreibung
orgs-save = Änderungen speichern
orgs-create = Organisation anlegen
orgs-cancel = Abbrechen
notice-org-created = Die Organisation ist angelegt. Sie sind ihr Eigentümer.
notice-org-saved = Ihre Änderungen sind gespeichert.
notice-org-verified = Die Organisation ist verifiziert.
notice-org-unverified = Die Verifizierung ist aufgehoben.

## An organization's page
orgs-meta-description = { $kind } ({ $country }) auf livinglab: Praxisbeispiele, Dokumente und Mitglieder.
orgs-edit-link = Profil bearbeiten
orgs-manage-members-link = Mitglieder verwalten
orgs-verify = Diese Organisation verifizieren
orgs-unverify = Verifizierung aufheben
orgs-profile-title = Profil
orgs-practices-title = Praxisbeispiele
orgs-practices-link = Praxisbeispiele von { $name }
orgs-documents-title = Dokumente
orgs-documents-link = Dokumente ansehen
orgs-members-title = Mitglieder
orgs-no-members = Keine Mitglieder.
orgs-member-name = Name
orgs-member-role = Rolle
orgs-member-since = Mitglied seit
orgs-all-members-link = Alle Mitglieder

## Members
orgs-members-page-title = Mitglieder von { $name }
orgs-back-to = Zurück zu { $name }
orgs-member-actions = Aktionen
orgs-member-you = (Sie)
orgs-role-of = Rolle von { $name }
orgs-change-role = Rolle von { $name } ändern
orgs-remove-member = { $name } entfernen
orgs-leave = Organisation verlassen
orgs-add-member-title = Mitglied hinzufügen
orgs-field-member-email = E-Mail-Adresse des Kontos der Person
orgs-hint-member-email = Die Person braucht zuerst ein Konto bei livinglab.
orgs-add-member = Mitglied hinzufügen
orgs-error-last-owner = Eine Organisation braucht mindestens einen Eigentümer: Machen Sie zuerst eine andere Person zum Eigentümer.
orgs-error-already-member = Diese Person ist bereits Mitglied: Ändern Sie stattdessen ihre Rolle in der Liste.
notice-org-member-added = Das Mitglied ist hinzugefügt.
notice-org-member-role-changed = Die Rolle ist geändert.
notice-org-member-removed = Das Mitglied ist entfernt.
notice-org-member-left = Sie haben die Organisation verlassen.

## Messages of the server's checks (key: v- and the English message as a slug)
v-must-be-at-least-2-characters = Verwenden Sie mindestens 2 Zeichen.
v-must-be-at-most-10000-characters = Verwenden Sie höchstens 10.000 Zeichen.
v-must-be-between-0-and-100000000 = Geben Sie eine Zahl zwischen 0 und 100.000.000 ein.
v-must-be-a-whole-number = Geben Sie eine ganze Zahl ein, zum Beispiel 800000.
v-no-account-has-this-email-address = Geben Sie die E-Mail-Adresse eines bestehenden Kontos ein – zu dieser Adresse gibt es kein Konto. Die Person muss sich zuerst registrieren.
v-must-be-yes-or-no = Wählen Sie eine der Optionen.
v-must-be-one-of-city-region-company-research-ngo-public-agenc = Wählen Sie eine der Arten.
v-must-be-one-of-owner-editor-member = Wählen Sie eine der Rollen.
