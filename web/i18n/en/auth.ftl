## Signing in and up
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-no-account = No account yet?
sign-up-title = Create your account
sign-up-submit = Create account
sign-up-have-account = Already have an account?
auth-wrong-credentials = The email or password is not right.
auth-email-taken = An account with this email already exists. Sign in instead?

## Messages of the server's checks, in the words of the forms (key: v- and the English message as a slug)
v-must-be-a-valid-email-address = Enter an email address like name@example.org.
v-must-be-at-least-10-characters = Use at least 10 characters.
v-must-be-at-most-256-characters = Use at most 256 characters.
v-must-not-contain-control-characters = Remove the control characters (such as tabs) from this field.
v-must-be-an-http-or-https-address = Enter an address that starts with http:// or https://.
v-must-be-an-iso-3166-1-alpha-2-country-code-e-g-es-or-de = Choose a country.
v-must-be-an-iso-639-1-language-code-e-g-en-or-es = Choose a language.
v-must-be-an-iso-4217-currency-code-e-g-eur = Enter a currency code such as EUR.
v-is-not-your-current-password = This is not your current password.
v-is-not-your-password = This is not your password.
v-must-not-be-empty = This cannot be empty.
