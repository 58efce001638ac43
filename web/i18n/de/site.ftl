## The frame of every page
site-name = livinglab
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-practices = Praxisbeispiele
nav-events = Veranstaltungen
nav-rooms = Räume
nav-organizations = Organisationen
nav-account = Mein Konto
nav-sign-in = Anmelden
nav-sign-up = Registrieren
nav-sign-out = Abmelden
footer-language = Sprache
footer-language-apply = Wechseln
footer-about = livinglab: Städte lernen von Städten.

## Notices shown once after an action
notice-signed-in = Sie sind angemeldet.
notice-signed-up = Willkommen! Ihr Konto ist eingerichtet.
notice-signed-out = Sie sind abgemeldet.

## Errors
error-go-home = Zur Startseite
error-internal = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.
error-bad-request = Die Anfrage konnte nicht verarbeitet werden
error-invalid-json = Die Anfrage konnte nicht verarbeitet werden
error-unauthorized = Bitte melden Sie sich an
error-invalid-credentials = E-Mail-Adresse oder Passwort falsch
error-session-expired = Ihre Sitzung ist abgelaufen: Bitte melden Sie sich erneut an
error-forbidden = Dazu sind Sie nicht berechtigt
error-not-found = Seite nicht gefunden
error-conflict = Das widerspricht dem aktuellen Stand
error-precondition-failed = Jemand hat dies inzwischen geändert
error-payload-too-large = Zu groß
error-quota-exceeded = Ihr Speicherplatz ist voll
error-unsupported-media-type = Diese Art von Datei oder Formular wird nicht akzeptiert
error-validation-failed = Einige Felder müssen überprüft werden
error-rate-limited = Zu viele Versuche: Bitte warten Sie einen Moment und versuchen Sie es dann erneut
error-service-unavailable = Der Dienst ist ausgelastet: Bitte versuchen Sie es gleich noch einmal
error-gone = Dies ist nicht mehr verfügbar
error-internal-error = Bei uns ist ein Fehler aufgetreten
error-last-admin = Das ist für die letzte Person mit Administratorrechten nicht möglich
error-last-owner = Eine Organisation hätte sonst keinen Eigentümer mehr: Übertragen Sie zuerst die Eigentümerrolle

## Forms
form-problems = Es gibt ein Problem
form-error-prefix = Fehler:
field-email = E-Mail-Adresse
field-password = Passwort
field-new-password = Passwort
field-display-name = Ihr Name
hint-password = Mindestens 10 Zeichen. Einige Wörter ohne Zusammenhang sind leicht zu merken und schwer zu erraten.

## Months (dates are written as „3. Dez. 2026“)
month-short-1 = Jan.
month-short-2 = Feb.
month-short-3 = März
month-short-4 = Apr.
month-short-5 = Mai
month-short-6 = Juni
month-short-7 = Juli
month-short-8 = Aug.
month-short-9 = Sept.
month-short-10 = Okt.
month-short-11 = Nov.
month-short-12 = Dez.

## Home
home-title = Städte lernen von Städten
home-description = Praxisbeispiele, Workshops und Live-Räume für europäische Städte auf dem Weg zur Klimaneutralität.
