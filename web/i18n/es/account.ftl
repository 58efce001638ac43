## The account page
account-title = Mi cuenta
account-signed-in-as = Sesión iniciada como { $email }
account-profile-title = Perfil
account-field-language = Idioma de las páginas
account-language-from-browser = Según el navegador
account-field-timezone = Zona horaria
account-timezone-from-browser = Según el navegador
account-profile-submit = Guardar perfil
account-password-title = Contraseña
account-field-current-password = Contraseña actual
account-field-new-password = Contraseña nueva
account-password-other-sessions = Al cambiarla, se cierra la sesión en todos los demás dispositivos; en este sigue abierta.
account-password-submit = Cambiar contraseña
account-sessions-title = Sesiones
account-sessions-explained = ¿Tiene la sesión abierta en un equipo que ya no utiliza o ha perdido un teléfono? Cierre la sesión en todos los dispositivos, incluido este.
account-sessions-submit = Cerrar sesión en todos los dispositivos
account-close-title = Cerrar la cuenta
account-close-explained = Al cerrar la cuenta se eliminan el nombre y el correo electrónico. No se puede deshacer.
account-close-link = Cerrar la cuenta…
account-close-what-happens = Al cerrar la cuenta:
account-close-leaves = deja de formar parte de sus organizaciones y salas, se anulan sus inscripciones a los próximos eventos y se cierran todas las sesiones;
account-close-keeps = lo que haya escrito se conserva, atribuido a una cuenta eliminada;
account-close-final = no se puede deshacer.
account-field-confirm-password = Contraseña, para confirmar
account-close-submit = Cerrar mi cuenta
account-close-cancel = Conservar mi cuenta
account-close-last-owner = Es la única persona propietaria de { $organizations }. Asigne antes el rol de propietario a otra persona.
account-close-last-admin = Es la última persona con rol de administrador. Asigne antes ese rol a otra persona.

## Notices after account actions
notice-profile-saved = Perfil guardado.
notice-password-changed = Contraseña cambiada. Se ha cerrado la sesión en los demás dispositivos.
notice-signed-out-everywhere = Se ha cerrado la sesión en todos los dispositivos.
notice-account-closed = La cuenta se ha cerrado.

## Messages of the profile's checks (key: v- and the English message as a slug)
v-must-be-at-most-100-characters = Utilice como máximo 100 caracteres.
v-is-not-a-language-the-pages-are-offered-in = Seleccione uno de los idiomas de la lista.
v-must-be-an-iana-time-zone-name-e-g-europe-madrid = Seleccione una zona horaria de la lista.

## The home page
home-join-title = Únase a las ciudades
home-join-text = Cree una cuenta para compartir las buenas prácticas de su ciudad, inscribirse en talleres y reunirse en salas en directo.
home-join-sign-up = Crear una cuenta
home-join-sign-in = Ya tengo una cuenta
home-my-registrations = Mis inscripciones
home-my-registrations-none = No hay inscripciones en próximos eventos.
home-registration-seat = Plaza confirmada
home-registration-waitlisted = Lista de espera: n.º { $position }
home-my-rooms = Mis salas
home-my-rooms-none = Todavía no hay salas.
home-my-organizations = Mis organizaciones
home-my-organizations-none = Todavía no forma parte de ninguna organización.
home-browse-organizations = Buscar mi ciudad
home-role-owner = Propietario
home-role-editor = Editor
home-role-member = Miembro
home-latest-practices = Últimas buenas prácticas
home-latest-practices-none = Todavía no se ha publicado ninguna buena práctica.
home-all-practices = Todas las buenas prácticas
home-upcoming-events = Próximos eventos
home-upcoming-events-none = Todavía no hay eventos previstos.
home-all-events = Todos los eventos
home-event-own-time = { $time }, hora de { $zone }
