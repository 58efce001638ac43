## Signing in and up
sign-in-title = Anmelden
sign-in-submit = Anmelden
sign-in-no-account = Noch kein Konto?
sign-up-title = Konto erstellen
sign-up-submit = Konto erstellen
sign-up-have-account = Sie haben bereits ein Konto?
auth-wrong-credentials = Die E-Mail-Adresse oder das Passwort ist nicht korrekt.
auth-email-taken = Mit dieser E-Mail-Adresse gibt es bereits ein Konto. Möchten Sie sich stattdessen anmelden?

## Messages of the server's checks, in the words of the forms (key: v- and the English message as a slug)
v-must-be-a-valid-email-address = Geben Sie eine E-Mail-Adresse wie name@example.org ein.
v-must-be-at-least-10-characters = Verwenden Sie mindestens 10 Zeichen.
v-must-be-at-most-256-characters = Verwenden Sie höchstens 256 Zeichen.
v-must-not-contain-control-characters = Entfernen Sie die Steuerzeichen (z. B. Tabulatoren) aus diesem Feld.
v-must-be-an-http-or-https-address = Geben Sie eine Adresse ein, die mit http:// oder https:// beginnt.
v-must-be-an-iso-3166-1-alpha-2-country-code-e-g-es-or-de = Wählen Sie ein Land.
v-must-be-an-iso-639-1-language-code-e-g-en-or-es = Wählen Sie eine Sprache.
v-must-be-an-iso-4217-currency-code-e-g-eur = Geben Sie einen Währungscode wie EUR ein.
v-is-not-your-current-password = Geben Sie Ihr aktuelles Passwort ein – das eingegebene ist nicht korrekt.
v-is-not-your-password = Geben Sie Ihr Passwort ein – das eingegebene ist nicht korrekt.
v-must-not-be-empty = Füllen Sie dieses Feld aus.
