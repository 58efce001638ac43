## Events: the moderators' back office (agenda, registrations, check-in, minutes,
## materials, moderators)
evm-nav-label = Gestionar este evento
evm-nav-agenda = Programa
evm-nav-registrations = Inscripciones
evm-nav-check-in = Control de asistencia
evm-nav-minutes = Acta
evm-nav-materials = Materiales
evm-nav-moderators = Moderadores
evm-back-to = Volver a { $title }

## Problems the service reports
evm-error-stale-minutes = Otra persona ha guardado el acta después de que usted la abriera. Su texto se conserva abajo y la versión de esa persona aparece encima. Combine lo que necesite y vuelva a guardar para sustituirla.
evm-error-last-moderator = Es la única persona que modera el evento. Añada antes a otra.
evm-error-moderates-by-role = Esta persona modera el evento por su rol en la organización. Cambie ese rol.
evm-error-already-added = Esta persona ya modera el evento.
evm-error-event-over = El evento ha finalizado o se ha cancelado: ya no se puede modificar su programa.
v-only-the-event-s-moderators-may-do-this = Pida a un moderador del evento que lo haga: solo los moderadores pueden hacerlo.
v-must-be-a-date-and-time = Introduzca una fecha y una hora.
v-must-be-within-the-event-starts-at-t-ends-at = Elija una hora entre el inicio y el fin del evento.
v-at-most-100-agenda-items = Deje como máximo 100 puntos en el programa.

## Registrations
evm-registrations-title = Inscripciones: { $title }
evm-registrations-caption = Personas inscritas en el evento
evm-registrations-none = No hay nadie con este filtro.
evm-registrations-shown = { $n ->
    [one] Se muestra { $n } persona
   *[other] Se muestran { $n } personas
}
evm-count-seated = { $n } con plaza
evm-count-waitlisted = { $n } en lista de espera
evm-count-attended = { $n } asistentes
evm-count-cancelled = { $n } inscripciones anuladas
evm-download-csv = Descargar CSV
evm-open-check-in = Abrir el control de asistencia
evm-filter-label = Mostrar
evm-filter-apply = Aplicar filtro
evm-filter-all = Todas las personas
evm-filter-seated = Con plaza
evm-filter-waitlisted = Lista de espera, por orden
evm-filter-cancelled = Inscripciones anuladas
evm-filter-attended = Asistentes
evm-col-name = Nombre
evm-col-registered = Fecha de inscripción
evm-col-status = Estado
evm-col-email = Correo electrónico
evm-col-attended = Asistencia
evm-status-seated = Con plaza
evm-status-waitlisted = En lista de espera
evm-status-waitlisted-at = En lista de espera, n.º { $n }
evm-status-cancelled = Anulada
evm-attended-yes = Asistió
evm-attended-no = Asistencia no registrada

## Check-in at the door
evm-checkin-title = Control de asistencia: { $title }
evm-checkin-progress = Asistencia registrada: { $n } de { $total }
evm-checkin-search = Buscar por nombre
evm-checkin-search-submit = Buscar
evm-checkin-nobody = Todavía nadie tiene plaza.
evm-checkin-no-match = Ninguna persona con plaza tiene este nombre.
evm-checkin-mark = Marcar asistencia
evm-checkin-undo = Deshacer
evm-checkin-here = Presente
evm-checkin-saved = Guardado.
evm-checkin-waiting = { $n ->
    [one] Esperando conexión ({ $n } cambio aún sin guardar)
   *[other] Esperando conexión ({ $n } cambios aún sin guardar)
}
evm-checkin-failed = Se ha rechazado y deshecho un cambio. Vuelva a cargar la página para ver la lista tal como está guardada.
evm-checkin-signed-out = Su sesión ha terminado. Vuelva a iniciar sesión en otra pestaña: los registros pendientes se conservan y se enviarán entonces.
notice-evm-marked-attended = Se ha registrado la asistencia.
notice-evm-unmarked = Se ha deshecho el registro de asistencia.

## Agenda
evm-agenda-title = Programa: { $title }
evm-agenda-times-in = Las horas están en la zona horaria del evento, { $tz }. Los puntos se ordenan por hora. Deje una fila vacía para omitirla.
evm-agenda-item = Punto { $n }
evm-agenda-time = Hora de inicio
evm-agenda-item-title = Título
evm-agenda-speaker = Ponente
evm-agenda-notes = Notas
evm-agenda-remove = Quitar este punto
evm-agenda-save = Guardar el programa
evm-agenda-add-rows = Añadir filas
notice-evm-agenda-saved = Se ha guardado el programa.

## Minutes
evm-minutes-title = Acta: { $title }
evm-minutes-stored = Versión { $n }, guardada el { $when }
evm-minutes-none-yet = Todavía no hay acta.
evm-minutes-revisions-link = Todas las versiones
evm-minutes-theirs = El acta tal como está guardada ahora
evm-minutes-field = Acta
evm-minutes-hint = Markdown: # para títulos, * para listas, **negrita**. Solo la ven las personas moderadoras del evento hasta que se publica.
evm-minutes-save = Guardar el acta
evm-minutes-preview = Vista previa
evm-minutes-preview-title = Vista previa
evm-minutes-from-room-title = Partir de la transcripción de la sala
evm-minutes-from-room-hint = Sustituye el acta por el registro de la sala en directo del evento (mensajes, encuestas, preguntas e ideas). Lo que hay escrito ahora se conserva entre las versiones.
evm-minutes-from-room = Partir de la transcripción
notice-evm-minutes-saved = Se ha guardado el acta.
notice-evm-minutes-from-room = El acta contiene ahora la transcripción de la sala. Edítela a continuación.
evm-minutes-publication-title = Publicación
evm-minutes-published = Publicada el { $when }: cualquier persona que pueda ver el evento la lee, y cada cambio guardado se ve al momento.
evm-minutes-unpublished = Sin publicar: solo la ven las personas moderadoras del evento.
evm-minutes-publish = Publicar el acta
evm-minutes-withdraw = Retirar el acta
notice-evm-minutes-published = Se ha publicado el acta: cualquier persona que pueda ver el evento puede leerla.
notice-evm-minutes-withdrawn = Se ha retirado el acta: solo la ven las personas moderadoras del evento.
evm-minutes-source-written = Redactada
evm-minutes-source-from-room = A partir de la transcripción de la sala
evm-revisions-title = Versiones del acta: { $title }
evm-back-to-minutes = Volver al acta
evm-revision-version = Versión
evm-revision-source = Origen
evm-revision-when = Guardada
evm-revision-n = Versión { $n }
evm-revision-markdown = Markdown
evm-pagination-label = Más versiones
evm-next-page = Página siguiente

## Moderators
evm-moderators-title = Moderadores: { $title }
evm-moderator-actions = Acciones
evm-moderator-you = (usted)
evm-moderator-remove = Retirar a { $name }
evm-moderator-add-title = Añadir un moderador
evm-moderator-email = Correo electrónico
evm-moderator-email-hint = La dirección de su cuenta. Moderará el evento y su sala en directo.
evm-moderator-add = Añadir moderador
notice-evm-moderator-added = Se ha añadido el moderador.
notice-evm-moderator-removed = Se ha retirado el moderador.

## Materials
evm-materials-title = Materiales: { $name }
