## The account page
account-title = Mein Konto
account-signed-in-as = Angemeldet als { $email }
account-profile-title = Profil
account-field-language = Sprache der Seiten
account-language-from-browser = Wie im Browser
account-field-timezone = Zeitzone
account-timezone-from-browser = Wie im Browser
account-profile-submit = Profil speichern
account-password-title = Passwort
account-field-current-password = Aktuelles Passwort
account-field-new-password = Neues Passwort
account-password-other-sessions = Nach der Änderung werden Sie auf allen anderen Geräten abgemeldet; auf diesem bleiben Sie angemeldet.
account-password-submit = Passwort ändern
account-sessions-title = Sitzungen
account-sessions-explained = Sind Sie noch auf einem Computer angemeldet, den Sie nicht mehr nutzen, oder haben Sie ein Telefon verloren? Melden Sie sich auf allen Geräten ab, auch auf diesem.
account-sessions-submit = Überall abmelden
account-close-title = Konto löschen
account-close-explained = Beim Löschen des Kontos werden Ihr Name und Ihre E-Mail-Adresse entfernt. Das lässt sich nicht rückgängig machen.
account-close-link = Konto löschen…
account-close-what-happens = Wenn Sie Ihr Konto löschen:
account-close-leaves = verlassen Sie Ihre Organisationen, Räume und anstehenden Veranstaltungen, und alle Sitzungen werden beendet;
account-close-keeps = bleiben Ihre Beiträge erhalten und werden als Beiträge eines gelöschten Kontos angezeigt;
account-close-final = lässt sich das nicht rückgängig machen.
account-field-confirm-password = Ihr Passwort zur Bestätigung
account-close-submit = Mein Konto löschen
account-close-cancel = Konto behalten
account-close-last-owner = Sie sind die einzige Person mit der Eigentümerrolle für { $organizations }. Übertragen Sie die Eigentümerrolle zuerst einer weiteren Person.
account-close-last-admin = Sie sind die letzte Person mit Administratorrechten. Vergeben Sie diese Rechte zuerst an eine weitere Person.

## Notices after account actions
notice-profile-saved = Ihr Profil ist gespeichert.
notice-password-changed = Ihr Passwort ist geändert. Auf Ihren anderen Geräten sind Sie abgemeldet.
notice-signed-out-everywhere = Sie sind auf allen Geräten abgemeldet.
notice-account-closed = Ihr Konto ist gelöscht.

## Messages of the profile's checks (key: v- and the English message as a slug)
v-must-be-at-most-100-characters = Verwenden Sie höchstens 100 Zeichen.
v-is-not-a-language-the-pages-are-offered-in = Wählen Sie eine der Sprachen aus der Liste.
v-must-be-an-iana-time-zone-name-e-g-europe-madrid = Wählen Sie eine Zeitzone aus der Liste.

## The home page
home-join-title = Machen Sie mit
home-join-text = Erstellen Sie ein Konto, um die Praxisbeispiele Ihrer Stadt zu teilen, sich für Workshops anzumelden und sich in Live-Räumen zu treffen.
home-join-sign-up = Konto erstellen
home-join-sign-in = Ich habe bereits ein Konto
home-my-registrations = Meine Anmeldungen
home-my-registrations-none = Sie sind für keine anstehende Veranstaltung angemeldet.
home-registration-seat = Platz bestätigt
home-registration-waitlisted = Warteliste: Platz { $position }
home-my-rooms = Meine Räume
home-my-rooms-none = Noch keine Räume.
home-my-organizations = Meine Organisationen
home-my-organizations-none = Sie sind noch nicht Mitglied einer Organisation.
home-browse-organizations = Ihre Stadt finden
home-role-owner = Eigentümer
home-role-editor = Redakteur
home-role-member = Mitglied
home-latest-practices = Neueste Praxisbeispiele
home-latest-practices-none = Es sind noch keine Praxisbeispiele veröffentlicht.
home-all-practices = Alle Praxisbeispiele
home-upcoming-events = Anstehende Veranstaltungen
home-upcoming-events-none = Es sind noch keine Veranstaltungen geplant.
home-all-events = Alle Veranstaltungen
home-event-own-time = { $time } (Ortszeit { $zone })
