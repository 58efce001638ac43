## Signing in and up
sign-in-title = Accesso
sign-in-submit = Accedere
sign-in-no-account = Non ha ancora un account?
sign-up-title = Creare un account
sign-up-submit = Creare l'account
sign-up-have-account = Ha già un account?
auth-wrong-credentials = L'indirizzo email o la password non sono corretti.
auth-email-taken = Esiste già un account con questo indirizzo email. Desidera accedere?

## Messages of the server's checks, in the words of the forms (key: v- and the English message as a slug)
v-must-be-a-valid-email-address = Inserire un indirizzo email come nome@example.org.
v-must-be-at-least-10-characters = Usare almeno 10 caratteri.
v-must-be-at-most-256-characters = Usare al massimo 256 caratteri.
v-must-not-contain-control-characters = Rimuovere da questo campo i caratteri di controllo (come le tabulazioni).
v-must-be-an-http-or-https-address = Inserire un indirizzo che inizi con http:// o https://.
v-must-be-an-iso-3166-1-alpha-2-country-code-e-g-es-or-de = Scegliere un paese.
v-must-be-an-iso-639-1-language-code-e-g-en-or-es = Scegliere una lingua.
v-must-be-an-iso-4217-currency-code-e-g-eur = Inserire un codice valuta come EUR.
v-is-not-your-current-password = Inserire la password attuale: quella indicata non è corretta.
v-is-not-your-password = Inserire la propria password: quella indicata non è corretta.
v-must-not-be-empty = Compilare questo campo.
