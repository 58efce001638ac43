## Signing in and up
sign-in-title = Connexion
sign-in-submit = Se connecter
sign-in-no-account = Pas encore de compte ?
sign-up-title = Créer un compte
sign-up-submit = Créer le compte
sign-up-have-account = Vous avez déjà un compte ?
auth-wrong-credentials = L'adresse e-mail ou le mot de passe est incorrect.
auth-email-taken = Un compte existe déjà avec cette adresse e-mail. Souhaitez-vous plutôt vous connecter ?

## Messages of the server's checks, in the words of the forms (key: v- and the English message as a slug)
v-must-be-a-valid-email-address = Saisissez une adresse e-mail comme nom@example.org.
v-must-be-at-least-10-characters = Utilisez au moins 10 caractères.
v-must-be-at-most-256-characters = Utilisez au plus 256 caractères.
v-must-not-contain-control-characters = Supprimez de ce champ les caractères de contrôle (comme les tabulations).
v-must-be-an-http-or-https-address = Saisissez une adresse commençant par http:// ou https://.
v-must-be-an-iso-3166-1-alpha-2-country-code-e-g-es-or-de = Choisissez un pays.
v-must-be-an-iso-639-1-language-code-e-g-en-or-es = Choisissez une langue.
v-must-be-an-iso-4217-currency-code-e-g-eur = Saisissez un code de devise comme EUR.
v-is-not-your-current-password = Saisissez votre mot de passe actuel : celui-ci est incorrect.
v-is-not-your-password = Saisissez votre mot de passe : celui-ci est incorrect.
v-must-not-be-empty = Remplissez ce champ.
