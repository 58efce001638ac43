## The frame of every page
site-name = livinglab
skip-to-content = Passare al contenuto
nav-label = Menu principale
nav-practices = Buone pratiche
nav-events = Eventi
nav-rooms = Sale
nav-organizations = Organizzazioni
nav-account = Il mio account
nav-sign-in = Accesso
nav-sign-up = Registrazione
nav-sign-out = Uscire
footer-language = Lingua
footer-language-apply = Cambiare
footer-about = livinglab: città che imparano dalle città.

## Notices shown once after an action
notice-signed-in = Accesso effettuato.
notice-signed-up = Registrazione completata: l'account è pronto.
notice-signed-out = Disconnessione effettuata.

## Errors
error-go-home = Tornare alla pagina iniziale
error-internal = Si è verificato un problema da parte nostra. Riprovare.
error-bad-request = Impossibile interpretare la richiesta
error-invalid-json = Impossibile interpretare la richiesta
error-unauthorized = È necessario accedere
error-invalid-credentials = Indirizzo email o password errati
error-session-expired = La sessione è terminata: accedere di nuovo
error-forbidden = Operazione non consentita
error-not-found = Pagina non trovata
error-conflict = L'operazione è in conflitto con lo stato attuale
error-precondition-failed = Nel frattempo qualcuno ha apportato modifiche
error-payload-too-large = Dimensioni eccessive
error-quota-exceeded = Lo spazio di archiviazione è esaurito
error-unsupported-media-type = Questo tipo di file o di modulo non è accettato
error-validation-failed = Alcuni campi vanno corretti
error-rate-limited = Troppi tentativi: attendere qualche istante e riprovare
error-service-unavailable = Il servizio è sovraccarico: riprovare tra qualche istante
error-gone = Non più disponibile
error-internal-error = Si è verificato un problema da parte nostra
error-last-admin = L'ultimo amministratore non può eseguire questa operazione
error-last-owner = Un'organizzazione resterebbe senza proprietari: trasferirne prima la proprietà

## Forms
form-problems = C'è un problema
form-error-prefix = Errore:
field-email = Indirizzo email
field-password = Password
field-new-password = Password
field-display-name = Nome
hint-password = Almeno 10 caratteri. Alcune parole senza legame tra loro sono facili da ricordare e difficili da indovinare.

## Months (dates are written as “3 dic 2026”)
month-short-1 = gen
month-short-2 = feb
month-short-3 = mar
month-short-4 = apr
month-short-5 = mag
month-short-6 = giu
month-short-7 = lug
month-short-8 = ago
month-short-9 = set
month-short-10 = ott
month-short-11 = nov
month-short-12 = dic

## Home
home-title = Città che imparano dalle città
home-description = Buone pratiche, workshop e sale in diretta per le città europee sulla strada verso la neutralità climatica.
