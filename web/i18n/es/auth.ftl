## Signing in and up
sign-in-title = Iniciar sesión
sign-in-submit = Iniciar sesión
sign-in-no-account = ¿Todavía no tiene cuenta?
sign-up-title = Crear una cuenta
sign-up-submit = Crear cuenta
sign-up-have-account = ¿Ya tiene una cuenta?
auth-wrong-credentials = El correo electrónico o la contraseña no son correctos.
auth-email-taken = Ya existe una cuenta con este correo electrónico. ¿Desea iniciar sesión?

## Messages of the server's checks, in the words of the forms (key: v- and the English message as a slug)
v-must-be-a-valid-email-address = Introduzca una dirección de correo electrónico como nombre@example.org.
v-must-be-at-least-10-characters = Utilice al menos 10 caracteres.
v-must-be-at-most-256-characters = Utilice como máximo 256 caracteres.
v-must-not-contain-control-characters = Elimine de este campo los caracteres de control (como los tabuladores).
v-must-be-an-http-or-https-address = Introduzca una dirección que empiece por http:// o https://.
v-must-be-an-iso-3166-1-alpha-2-country-code-e-g-es-or-de = Seleccione un país.
v-must-be-an-iso-639-1-language-code-e-g-en-or-es = Seleccione un idioma.
v-must-be-an-iso-4217-currency-code-e-g-eur = Introduzca un código de moneda como EUR.
v-is-not-your-current-password = Introduzca su contraseña actual; la indicada no es correcta.
v-is-not-your-password = Introduzca su contraseña; la indicada no es correcta.
v-must-not-be-empty = Rellene este campo.
