## Good practices: the catalogue
prac-catalogue-title = Buenas prácticas
prac-catalogue-description = Buenas prácticas de ciudades europeas: qué se hizo, cuánto costó, qué resultados dio y cómo aplicarlo en su ciudad.
prac-new = Redactar una buena práctica
prac-search-label = Buscar buenas prácticas
prac-search-submit = Buscar
prac-filter-organization-kind = Tipo de organización
prac-filter-year = Año de inicio
prac-kind-any = Cualquier tipo
prac-kind-city = Ciudad
prac-kind-region = Región
prac-kind-company = Empresa
prac-kind-research = Investigación
prac-kind-ngo = ONG
prac-kind-public-agency = Organismo público
prac-kind-citizen-group = Grupo ciudadano
prac-kind-other = Otro
prac-results-count = { $count ->
    [0] No se ha encontrado ninguna buena práctica
    [one] Se ha encontrado una buena práctica
   *[other] Se han encontrado { $count } buenas prácticas
}
prac-results-title = Resultados
prac-facets-title = Filtros
prac-facet-theme = Tema
prac-facet-country = País
prac-facet-status = Ejecución
prac-facet-language = Idioma
prac-facet-active = Selección:
prac-active-filters = Filtros activos (seleccione uno para quitarlo):
prac-chip = { $filter }: { $value }
prac-chip-remove = (quitar este filtro)
prac-keep-filter = Mantener «{ $filter }» en la próxima búsqueda
prac-filter-theme = Tema
prac-filter-country = País
prac-filter-language = Idioma
prac-filter-implementation-status = Ejecución
prac-filter-organization = Organización
prac-sort-label = Ordenar por
prac-sort-relevance = Relevancia
prac-sort-newest = Más recientes
prac-sort-endorsements = Más respaldadas
prac-no-results = Ninguna buena práctica coincide. Pruebe con menos palabras o quite un filtro.
prac-pages-label = Páginas
prac-first-page = Primera página
prac-next-page = Página siguiente
prac-endorsement-count = { $count ->
    [one] Un respaldo
   *[other] { $count } respaldos
}
prac-status-planned = Prevista
prac-status-ongoing = En curso
prac-status-completed = Finalizada
prac-language-en = Inglés
prac-language-es = Español
prac-language-fr = Francés
prac-language-de = Alemán
prac-language-it = Italiano
prac-language-pt = Portugués
prac-language-nl = Neerlandés
prac-language-pl = Polaco
prac-language-ca = Catalán
prac-language-el = Griego
prac-language-sv = Sueco
prac-language-da = Danés
prac-language-fi = Finés
prac-language-cs = Checo
prac-language-hu = Húngaro
prac-language-ro = Rumano

## A practice's page
prac-by = Por
prac-record-status-draft = Borrador
prac-record-status-published = Publicada
prac-record-status-archived = Archivada
prac-hidden-reason = Ocultada por un moderador: { $reason }
prac-edit = Editar
prac-revisions = Revisiones
prac-publish = Publicar
prac-archive = Archivar
prac-field-organization = Organización
prac-field-title = Título
prac-field-summary = Resumen
prac-field-body = Descripción
prac-field-themes = Temas
prac-field-tags = Etiquetas
prac-field-language = Idioma del texto
prac-field-implementation-status = Ejecución
prac-field-dates = Fechas
prac-field-start-date = Fecha de inicio
prac-field-end-date = Fecha de finalización
prac-field-location = Ubicación
prac-field-place = Lugar
prac-field-lat = Latitud
prac-field-lon = Longitud
prac-field-budget = Presupuesto
prac-field-budget-amount = Importe del presupuesto
prac-field-budget-currency = Moneda
prac-field-funding = Fuentes de financiación
prac-field-stakeholders = Partes implicadas
prac-field-results = Resultados
prac-field-lessons-learned = Lecciones aprendidas
prac-field-transferability = Transferibilidad
prac-field-indicators = Indicadores
prac-field-links = Enlaces
prac-field-contact = Contacto
prac-field-contact-name = Persona de contacto
prac-field-contact-email = Correo electrónico de contacto
prac-field-contact-role = Cargo de la persona de contacto
prac-field-other = Otros
prac-dates-from-to = Del { $from } al { $to }
prac-dates-from = Desde el { $from }
prac-dates-to = Hasta el { $to }
prac-indicator-name = Indicador
prac-indicator-baseline = Valor de referencia
prac-indicator-value = Valor
prac-indicator-unit = Unidad
prac-indicator-year = Año
prac-endorsements = Respaldos
prac-endorse = Respaldar esta buena práctica
prac-unendorse = Retirar mi respaldo
prac-you-endorse = Ha respaldado esta buena práctica.
prac-adoptions = Adoptada por
prac-adoptions-none = Ninguna organización ha registrado todavía la adopción de esta buena práctica.
prac-adoption-planned = Prevista
prac-adoption-in-progress = En curso
prac-adoption-completed = Finalizada
prac-adopt-legend = La hemos adoptado
prac-adopt-organization = Organización
prac-adopt-status = Estado
prac-adopt-note = Nota (opcional)
prac-adopt-submit = Registrar la adopción
prac-adopt-choose-organization = Seleccione la organización que la ha adoptado.
prac-adopt-choose-status = Seleccione en qué punto está la adopción.
prac-adopt-already = Esta organización ya ha registrado la adopción de esta buena práctica.
prac-documents = Documentos
prac-documents-link = Ver los documentos de esta buena práctica
prac-comments = Comentarios
prac-comment-count = { $count ->
    [0] Sin comentarios
    [one] Un comentario
   *[other] { $count } comentarios
}
prac-comments-none = Escriba el primer comentario.
prac-comments-more = Más comentarios
prac-comment-deleted = Este comentario se ha eliminado.
prac-comment-former-member = Un antiguo miembro
prac-comment-label = Su comentario
prac-comment-hint = Se admite Markdown: **negrita**, listas, enlaces.
prac-comment-submit = Publicar comentario
prac-comment-sign-in = Inicie sesión para comentar
prac-reply = Responder
prac-reply-to = Su respuesta a { $name }
prac-reply-submit = Publicar respuesta

## Writing a practice up
prac-new-title = Redactar una buena práctica
prac-edit-title = Editar «{ $title }»
prac-form-about = La buena práctica
prac-form-when-where = Cuándo y dónde
prac-form-money = Presupuesto y financiación
prac-form-outcomes = Resultados
prac-form-links-contact = Enlaces y contacto
prac-form-choose = Seleccione…
prac-form-create = Guardar como borrador
prac-form-save = Guardar cambios
prac-form-preview = Vista previa
prac-form-cancel = Cancelar
prac-form-no-organization = Para redactar una buena práctica hay que ser propietario o editor de una organización.
prac-form-choose-organization = Seleccione la organización a la que pertenece esta buena práctica.
prac-form-choose-status = Seleccione en qué punto está la buena práctica.
prac-form-bad-date = Introduzca una fecha con el formato 2024-05-31.
prac-form-bad-number = Introduzca un número, por ejemplo 1250000 o 39.47.
prac-form-bad-indicator = Escriba cada indicador en una línea, así: nombre | unidad | valor de referencia | valor | año.
prac-hint-summary = Texto sin formato, hasta 1.000 caracteres: se muestra en los resultados de búsqueda.
prac-hint-markdown = Markdown: # títulos, **negrita**, listas, enlaces.
prac-hint-tags = Separadas por comas.
prac-hint-lines = Un elemento por línea.
prac-hint-indicators = Uno por línea: nombre | unidad | valor de referencia | valor | año (el valor de referencia puede quedar vacío).
prac-hint-links = Uno por línea: la dirección y, a continuación, su título.
prac-hint-currency = Un código como EUR.
prac-hint-lat = Entre -90 y 90, por ejemplo 39.47.
prac-hint-lon = Entre -180 y 180, por ejemplo -0.376.
prac-preview-title = Vista previa

## Revisions
prac-revisions-title = Revisiones de «{ $title }»
prac-back-to-practice = Volver a la buena práctica
prac-revision = Revisión
prac-revision-number = Revisión { $number }
prac-revision-author = Autor
prac-revision-when = Fecha
prac-revision-fields = Cambios
prac-revisions-more = Revisiones anteriores
prac-compare-from = Comparar la revisión
prac-compare-to = con la revisión
prac-compare-submit = Comparar
prac-compare-title = Revisión { $from } y revisión { $to }
prac-compare-same = Estas revisiones tienen el mismo texto.
prac-diff-removed = Eliminado:
prac-diff-added = Añadido:

## Notices after an action
notice-prac-created = La buena práctica se ha guardado como borrador. Publíquela cuando esté lista.
notice-prac-saved = Se han guardado los cambios.
notice-prac-published = Se ha publicado la buena práctica.
notice-prac-archived = Se ha archivado la buena práctica.
notice-prac-commented = Se ha publicado su comentario.
notice-prac-endorsed = Se ha registrado su respaldo.
notice-prac-unendorsed = Se ha retirado su respaldo.
notice-prac-adopted = Se ha registrado la adopción.

## Messages of the server's checks (key: v- and the English message as a slug)
v-is-required = Rellene este campo.
v-must-not-be-blank = Escriba un texto: no basta con espacios en blanco.
v-must-be-at-least-3-characters = Utilice al menos 3 caracteres.
v-must-be-at-most-200-characters = Utilice como máximo 200 caracteres.
v-must-be-at-most-1000-characters = Utilice como máximo 1.000 caracteres.
v-must-be-at-most-5000-characters = Utilice como máximo 5.000 caracteres.
v-must-be-at-most-50000-characters = Utilice como máximo 50.000 caracteres.
v-must-name-1-to-16-themes = Seleccione entre 1 y 16 temas.
v-must-be-between-the-years-1900-and-2100 = Introduzca una fecha entre los años 1900 y 2100.
v-must-not-be-before-start-date = Introduzca una fecha de finalización que no sea anterior a la de inicio.
v-relevance-needs-a-query-q = Escriba palabras de búsqueda para ordenar por relevancia.
v-must-be-a-year = Introduzca un año, por ejemplo 2021.
v-must-be-between-1900-and-2100 = Introduzca un año entre 1900 y 2100.
v-an-organization-cannot-adopt-its-own-practice = Seleccione otra organización: una organización no puede adoptar su propia buena práctica.
v-no-such-organization = Seleccione una de sus organizaciones.
