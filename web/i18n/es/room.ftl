## The live room (rooms/pages.rs, web/static/room/). Messages ending in -one / -other are
## the plural forms of one message: the scripts choose with Intl.PluralRules, so a
## language may add -zero, -two, -few, -many; { $count } is the number, already formatted.
## A { $variable } is filled in by the scripts.

## The list of rooms
room-list-title = Salas en directo
room-list-lead = Salas de taller en las que puede entrar: chat, manos levantadas, encuestas, preguntas y un tablero de ideas, en directo.
room-list-none = Todavía no hay ninguna sala en la que pueda entrar.
room-list-you-moderate = Usted la modera
room-list-more = Más salas
room-list-next = Salas siguientes
room-access-open = Abierta a todas las personas con sesión iniciada
room-access-members = Para los miembros de la organización
room-access-invite = Solo con invitación
room-access-event = Para los participantes del evento

## A new room
room-new-link = Crear una sala
room-new-title = Nueva sala
room-new-name = Nombre
room-new-description = Descripción (opcional)
room-new-access = Quién puede entrar
room-new-dots = Puntos por persona en el tablero de ideas
room-new-dots-hint = De 0 a 100.
room-new-submit = Crear la sala
notice-room-created = La sala está abierta y usted la modera.
v-must-be-between-0-and-100 = Introduzca un número entre 0 y 100.
v-must-be-open-or-invite = Seleccione quién puede entrar.

## The room's page
room-needs-javascript = La sala en directo necesita JavaScript, que está desactivado en este navegador.
room-present-link = Vista para proyector
room-present-title = { $name } (proyector)
room-present-top-questions = Preguntas más votadas
room-tabs-label = Paneles de la sala
room-someone = Alguien
room-cancel = Cancelar

## Connection status
room-status-connecting = Conectando…
room-status-reconnecting-now = Reconectando…
room-status-connected = En directo
room-status-resumed = De nuevo en directo: está al día
room-status-reconnecting = Reconexión en { $seconds } s…
room-status-closed = Sala cerrada: el evento ha finalizado; el historial se puede seguir consultando
room-status-kicked = Un moderador le ha retirado de esta sala.
room-status-forbidden = Ya no puede entrar en esta sala.
room-status-session = Su sesión ha finalizado: vuelva a iniciar sesión.
room-status-broken = La conexión ha fallado: vuelva a cargar la página.

## Chat
room-chat-title = Chat
room-chat-loading = Cargando la conversación…
room-chat-history-loaded = Se han cargado los mensajes anteriores.
room-chat-empty = Todavía no hay mensajes.
room-composer-label = Mensaje
room-composer-send = Enviar
room-composer-file = Adjuntar un archivo
room-composer-locked = La sala está bloqueada: por ahora solo los moderadores pueden escribir.
room-composer-muted = Un moderador le ha silenciado hasta las { $time }.
room-composer-closed = La sala está cerrada: ya no se puede publicar nada.
room-composer-queued = Sin conexión: su mensaje se enviará cuando se restablezca la conexión.
room-announce-one = { $name }: { $text }
room-announce-many-one = { $count } mensaje nuevo
room-announce-many-other = { $count } mensajes nuevos
room-msg-actions = Acciones
room-msg-actions-for = Acciones para el mensaje de { $name }
room-msg-reply = Responder
room-msg-reply-label = Su respuesta a { $name }
room-msg-edit = Editar
room-msg-edit-label = Editar su mensaje
room-msg-save = Guardar
room-msg-delete = Eliminar
room-msg-delete-confirm = ¿Eliminar este mensaje para todos?
room-msg-delete-yes = Sí, eliminarlo
room-msg-deleted = Este mensaje se ha eliminado.
room-msg-edited = editado
room-msg-react-with = Reaccionar con { $emoji }
room-reaction-count-one = { $emoji }: { $count } reacción; pulse para añadir o quitar la suya
room-reaction-count-other = { $emoji }: { $count } reacciones; pulse para añadir o quitar la suya
room-file-uploading = Subiendo el archivo…
room-file-too-large = El archivo es demasiado grande.
room-file-failed = No se ha podido subir el archivo.
room-file-download = Descargar { $name }

## Refusals, in words
room-refused-muted = Se le ha silenciado: por ahora no puede escribir.
room-refused-muted-until = Se le ha silenciado hasta las { $time }: su texto se conserva.
room-refused-locked = La sala está bloqueada: solo los moderadores pueden escribir. Su texto se conserva.
room-refused-closed = La sala está cerrada: ya no se puede publicar nada.
room-refused-slow-one = Modo lento: espere { $count } segundo antes de su próximo mensaje. Su texto se conserva.
room-refused-slow-other = Modo lento: espere { $count } segundos antes de su próximo mensaje. Su texto se conserva.
room-refused-slow-mode = Modo lento: espere un poco antes de su próximo mensaje. Su texto se conserva.
room-refused-rate-limited = Demasiadas acciones a la vez: espere un momento, se volverán a enviar.
room-refused-too-long = El texto es demasiado largo.
room-refused-forbidden = No tiene permiso para hacer esto.
room-refused-not-found = Esto ya no existe.
room-refused-conflict = Esto ya está hecho.
room-refused-no-dots = Ha usado todos sus puntos: retire antes alguno.
room-refused-invalid = No se ha podido enviar: revise lo que ha escrito.
room-refused-unavailable = El servidor está saturado: se volverá a intentar.
room-refused-offline = Sin conexión.
room-refused-other = No se ha podido realizar esta acción.

## The log's lines about the room
room-log-poll-created = { $name } ha abierto una encuesta: { $question }
room-log-poll-closed = { $name } ha cerrado una encuesta.
room-log-locked = { $name } ha bloqueado la sala: solo los moderadores pueden escribir.
room-log-unlocked = { $name } ha desbloqueado la sala.
room-log-closed = El evento ha finalizado: la sala está cerrada.
room-log-slow-on = { $name } ha activado el modo lento ({ $seconds } s entre mensajes).
room-log-slow-off = { $name } ha desactivado el modo lento.
room-log-muted = { $name } ha silenciado a { $person } hasta las { $time }.
room-log-unmuted = { $name } ha dejado de silenciar a { $person }.
room-log-kicked = { $name } ha retirado a { $person } de la sala.
room-log-unkicked = { $name } ha readmitido a { $person }.

## Hands
room-hands-title = Manos levantadas
room-hands-none = No hay ninguna mano levantada.
room-hand-raise = Levantar la mano
room-hand-lower = Bajar la mano
room-hand-lower-other = Bajar
room-hand-lower-for = Bajar la mano de { $name }
room-hands-clear = Bajar todas las manos

## Polls
room-polls-title = Encuestas
room-polls-none = Todavía no hay encuestas.
room-poll-new = Nueva encuesta
room-poll-question = Pregunta
room-poll-options = Opciones
room-poll-options-hint = Una opción por línea, de 2 a 10.
room-poll-multiple = Se permiten varias respuestas
room-poll-hide = Ocultar los resultados hasta que se cierre la encuesta
room-poll-create = Abrir la encuesta
room-poll-created = La encuesta está abierta.
room-poll-need-options = Escriba una pregunta y al menos dos opciones.
room-poll-choose-one = Elija una respuesta
room-poll-choose-many = Elija una o varias respuestas
room-poll-choose-first = Elija antes una respuesta.
room-poll-vote = Votar
room-poll-change-vote = Cambiar mi voto
room-poll-you-voted = Se ha registrado su voto.
room-poll-close = Cerrar la encuesta
room-poll-closed = Cerrada
room-poll-results-hidden = Los resultados están ocultos hasta que se cierre la encuesta.
room-poll-votes-one = { $count } voto
room-poll-votes-other = { $count } votos
room-poll-votes-share = { $votes } ({ $share })
room-poll-voters-one = { $count } persona ha votado
room-poll-voters-other = { $count } personas han votado

## Questions
room-questions-title = Preguntas
room-questions-none = Todavía no hay preguntas.
room-question-label = Su pregunta
room-question-ask = Preguntar
room-question-by = formulada por { $name }
room-question-votes-one = { $count } voto
room-question-votes-other = { $count } votos
room-question-upvote = Yo también
room-question-answered = Respondida
room-question-pinned = Fijada
room-question-hidden = Oculta
room-question-hidden-text = Una pregunta oculta
room-question-mark-answered = Respondida
room-question-pin = Fijar
room-question-hide = Ocultar

## Ideas
room-ideas-title = Tablero de ideas
room-ideas-none = Todavía no hay ideas.
room-idea-label = Su idea
room-idea-column = Columna (opcional)
room-idea-column-named = Columna { $name }
room-idea-add = Añadir la idea
room-idea-by = de { $name }
room-idea-dots-one = { $count } punto
room-idea-dots-other = { $count } puntos
room-idea-dots-left = Le quedan { $left } de { $budget } puntos.
room-idea-vote = Añadir un punto
room-idea-unvote = Retirar mi punto
room-idea-remove = Quitar
room-idea-move-to = Mover a la columna
room-idea-move = Mover

## People
room-people-title = Personas presentes
room-people-count-one = { $count } persona en la sala
room-people-count-other = { $count } personas en la sala
room-people-you = usted
room-people-muted-until = en silencio hasta las { $time }

## Moderation
room-mod-title = Moderación
room-mod-lock = Bloquear la sala
room-mod-unlock = Desbloquear la sala
room-mod-slow = Modo lento
room-mod-slow-off = Desactivado
room-mod-slow-seconds = { $seconds } s entre mensajes
room-mod-slow-apply = Aplicar
room-mod-mute = Silenciar { $minutes } min
room-mod-mute-who = Silenciar { $minutes } min: { $name }
room-mod-unmute = Dejar de silenciar
room-mod-unmute-who = Dejar de silenciar a { $name }
room-mod-kick = Retirar
room-mod-kick-who = Retirar a { $name } de la sala
room-mod-unkick = Readmitir
room-mod-unkick-who = Readmitir a { $name }
room-mod-removed = Personas retiradas de la sala
room-mod-removed-none = No se ha retirado a nadie.
room-mod-hint = Silencie o retire a personas desde la lista de personas presentes; elimine cualquier mensaje desde sus acciones.

## Keyboard help
room-help-open = Atajos de teclado
room-help-title = Atajos de teclado
room-help-key-help = Mostrar esta ayuda
room-help-key-compose = Ir al cuadro de mensaje
room-help-key-send = Enviar el mensaje
room-help-key-newline = Nueva línea en el mensaje
room-help-key-panels = Ir a un panel: manos, encuestas, preguntas, ideas, personas, moderación
room-help-key-escape = Cerrar esta ayuda o las acciones de un mensaje
room-help-close = Cerrar
room-key-enter = Intro
room-key-shift = Mayús
room-key-alt = Alt
room-key-escape = Esc
