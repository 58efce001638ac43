## Administration: the area and its navigation
admin-nav-link = Administración
admin-title = Administración
admin-nav-label = Administración
admin-nav-overview = Resumen
admin-nav-users = Usuarios
admin-nav-orgs = Organizaciones
admin-nav-practices = Buenas prácticas
admin-nav-themes = Temas
admin-nav-rooms = Salas
admin-nav-status = Estado
admin-overview-lead = Gestione personas, organizaciones, buenas prácticas y salas, y compruebe el estado de la plataforma.
admin-overview-users = { $count ->
    [one] { $count } cuenta
   *[other] { $count } cuentas
}
admin-overview-orgs = { $count ->
    [one] { $count } organización
   *[other] { $count } organizaciones
}, { $unverified } sin verificar
admin-overview-hidden = { $count ->
    [one] { $count } buena práctica oculta
   *[other] { $count } buenas prácticas ocultas
}
admin-overview-rooms = { $rooms ->
    [one] { $rooms } sala en uso
   *[other] { $rooms } salas en uso
}, con { $people ->
    [one] { $people } persona
   *[other] { $people } personas
} en este momento
admin-overview-themes = Nombres y descripciones de los temas en todos los idiomas.
admin-overview-status = Funcionamiento, versión, base de datos, instancias y contadores.
admin-search-submit = Buscar
admin-actions = Acciones
admin-pagination-label = Más resultados
admin-next-page = Página siguiente

## Platform roles
admin-role-admin = Administrador
admin-role-moderator = Moderador
admin-role-member = Usuario

## Users
admin-users-title = Usuarios
admin-users-search = El nombre o el correo electrónico contiene
admin-users-none = Todavía no hay cuentas.
admin-users-none-found = Ninguna cuenta coincide con esta búsqueda.
admin-users-roles-by-admins = Solo los administradores pueden cambiar los roles.
admin-users-caption = Cuentas y sus roles en la plataforma
admin-users-name = Nombre
admin-users-email = Correo electrónico
admin-users-email-hidden = Visible solo para administradores
admin-users-joined = Fecha de alta
admin-users-role = Rol
admin-users-role-of = Rol de { $name }
admin-users-role-submit = Cambiar el rol
admin-users-role-submit-of = de { $name }
notice-admin-role-changed = Se ha cambiado el rol.

## Organizations
admin-orgs-title = Organizaciones
admin-orgs-search = El nombre contiene
admin-orgs-filter-verified = Verificación
admin-orgs-filter-verified-any = Verificadas o no
admin-orgs-filter-verified-no = Solo no verificadas
admin-orgs-filter-verified-yes = Solo verificadas
admin-orgs-none-found = Ninguna organización coincide con esta búsqueda.
admin-orgs-caption = Organizaciones y su verificación
admin-orgs-name = Nombre
admin-orgs-kind = Tipo y país
admin-orgs-verification = Verificación
admin-orgs-verified = Verificada
admin-orgs-not-verified = Sin verificar
admin-orgs-edit = Editar { $name }
admin-orgs-verify = Verificar { $name }
admin-orgs-unverify = Retirar la verificación de { $name }
notice-admin-org-verified = Se ha verificado la organización.
notice-admin-org-unverified = Se ha retirado la verificación de la organización.

## Practices
admin-practices-title = Buenas prácticas
admin-practices-search = El título contiene
admin-practices-filter-show = Mostrar
admin-practices-filter-all = Todas las buenas prácticas
admin-practices-filter-hidden = Solo ocultas
admin-practices-filter-visible = Solo visibles
admin-practices-none-found = Ninguna buena práctica coincide con esta búsqueda.
admin-practice-status-draft = Borrador
admin-practice-status-published = Publicada
admin-practice-status-archived = Archivada
admin-practices-hidden = Oculta
admin-practices-hidden-by = por { $name }, el { $when }
admin-practices-hidden-at = Ocultada el { $when }
admin-practices-shown-by = { $name } la volvió a mostrar el { $when }.
admin-practices-shown-at = Se volvió a mostrar el { $when }.
admin-practices-reason = Motivo:
admin-practices-hide-link = Ocultar «{ $title }»…
admin-practices-show-link = Volver a mostrar «{ $title }»…
admin-visibility-back = Volver a las buenas prácticas
admin-visibility-hide-title = Ocultar una buena práctica
admin-visibility-show-title = Volver a mostrar una buena práctica
admin-visibility-hide-reason = ¿Por qué se oculta?
admin-visibility-hide-hint = La organización leerá este texto. Hasta 1.000 caracteres.
admin-visibility-hide-submit = Ocultar la buena práctica
admin-visibility-show-reason = ¿Por qué se vuelve a mostrar?
admin-visibility-show-hint = Se guarda con la buena práctica para los demás moderadores. Hasta 1.000 caracteres.
admin-visibility-show-submit = Volver a mostrar la buena práctica
notice-admin-practice-hidden = Se ha ocultado la buena práctica.
notice-admin-practice-shown = La buena práctica vuelve a estar visible.

## Themes
admin-themes-title = Temas
admin-themes-caption = Temas e idiomas en los que están redactados
admin-themes-name = Tema
admin-themes-languages = Redactado en
admin-theme-back = Volver a los temas
admin-theme-edit-title = Tema: { $name }
admin-theme-fallback = Si un idioma no tiene nombre, las páginas muestran el nombre en inglés. Para eliminar la traducción de un idioma, vacíe sus dos campos.
admin-theme-admins-only = Solo los administradores pueden modificar los temas.
admin-theme-field-name = Nombre
admin-theme-field-description = Descripción
admin-theme-save = Guardar ({ $language })
notice-admin-theme-saved = Se ha guardado el tema.

## Rooms
admin-rooms-title = Salas en uso
admin-rooms-how-counted = Personas presentes ahora en todas las instancias de la plataforma ({ $instances ->
    [one] { $instances } instancia activa
   *[other] { $instances } instancias activas
}), según las conexiones abiertas que registra cada instancia; una instancia que pasa { $secs } segundos sin dar señales deja de contarse.
admin-rooms-none = Ahora mismo no hay nadie en ninguna sala.
admin-rooms-caption = Salas con personas en este momento
admin-rooms-name = Sala
admin-rooms-participants = Personas ahora
admin-rooms-instances = Instancias que las atienden

## Status
admin-status-title = Estado de la plataforma
admin-status-health = Funcionamiento
admin-status-ok = Operativa
admin-status-ok-detail = El servidor funciona y la base de datos responde.
admin-status-down = No disponible
admin-status-down-detail = La base de datos no responde.
admin-status-version = Versión
admin-status-version-number = Versión
admin-status-commit = Commit
admin-status-commit-unknown = No consta en esta compilación
admin-status-database = Base de datos
admin-status-db-reachable = Accesible
admin-status-yes = Sí
admin-status-no = No
admin-status-db-latency = Tiempo de ida y vuelta
admin-status-ms = { $ms } ms
admin-status-db-migrations = Migraciones
admin-status-migrations-of = { $applied } aplicadas de las { $known } de esta compilación
admin-status-unknown = Desconocido
admin-status-db-pool = Conexiones de esta instancia
admin-status-pool-use = { $in_use } en uso de { $open } abiertas
admin-status-pool-limit = { $max } como máximo, { $waiting } en espera
admin-status-instances = Instancias
admin-status-instances-count = { $count ->
    [one] { $count } instancia activa
   *[other] { $count } instancias activas
}
admin-status-instances-how = Cada instancia envía una señal de actividad cada 10 segundos; la que pasa 45 segundos sin dar señales deja de contarse.
admin-status-metrics = Contadores
admin-status-metrics-scope = De esta instancia desde su inicio (Prometheus tiene los de todas las instancias en /metrics).
admin-status-requests = Solicitudes atendidas
admin-status-server-errors = Errores del servidor
admin-status-sockets = Conexiones abiertas a salas
admin-status-room-events = Eventos de sala guardados

## Messages of the administration's checks
v-is-not-a-platform-role = Seleccione un rol de la lista.
v-must-be-hidden-or-visible = Seleccione una de las opciones.
v-must-be-hide-or-show = Elija entre ocultar la buena práctica o volver a mostrarla.
v-this-is-the-last-admin-promote-someone-else-first = Esta es la última persona con rol de administrador. Asigne antes ese rol a otra persona.
v-must-be-at-most-120-characters = Utilice como máximo 120 caracteres.
v-must-be-at-most-2000-characters = Utilice como máximo 2.000 caracteres.
