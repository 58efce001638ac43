## The frame of every page
site-name = livinglab
skip-to-content = Saltar al contenido
nav-label = Menú principal
nav-practices = Buenas prácticas
nav-events = Eventos
nav-rooms = Salas
nav-organizations = Organizaciones
nav-account = Mi cuenta
nav-sign-in = Iniciar sesión
nav-sign-up = Registrarse
nav-sign-out = Cerrar sesión
footer-language = Idioma
footer-language-apply = Cambiar
footer-about = livinglab: ciudades que aprenden de ciudades.

## Notices shown once after an action
notice-signed-in = Ha iniciado sesión.
notice-signed-up = ¡Le damos la bienvenida! Su cuenta está lista.
notice-signed-out = Ha cerrado sesión.

## Errors
error-go-home = Ir a la página de inicio
error-internal = Se ha producido un error por nuestra parte. Inténtelo de nuevo.
error-bad-request = No se ha podido interpretar la solicitud
error-invalid-json = No se ha podido interpretar la solicitud
error-unauthorized = Inicie sesión
error-invalid-credentials = Correo electrónico o contraseña incorrectos
error-session-expired = La sesión ha finalizado: vuelva a iniciar sesión
error-forbidden = No tiene permiso para realizar esta acción
error-not-found = Página no encontrada
error-conflict = Esto entra en conflicto con el estado actual
error-precondition-failed = Alguien lo ha modificado mientras tanto
error-payload-too-large = Demasiado grande
error-quota-exceeded = El espacio de almacenamiento está lleno
error-unsupported-media-type = No se admite este tipo de archivo o formulario
error-validation-failed = Hay campos que requieren atención
error-rate-limited = Demasiados intentos: espere un momento y vuelva a intentarlo
error-service-unavailable = El servicio está saturado: vuelva a intentarlo en un momento
error-gone = Ya no está disponible
error-internal-error = Se ha producido un error por nuestra parte
error-last-admin = El último administrador no puede realizar esta acción
error-last-owner = Una organización se quedaría sin propietarios: transfiera antes la propiedad

## Forms
form-problems = Hay un problema
form-error-prefix = Error:
field-email = Correo electrónico
field-password = Contraseña
field-new-password = Contraseña
field-display-name = Nombre
hint-password = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.

## Months (dates are written as “3 dic 2026”)
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic

## Home
home-title = Ciudades que aprenden de ciudades
home-description = Buenas prácticas, talleres y salas en directo para las ciudades europeas en su camino hacia la neutralidad climática.
