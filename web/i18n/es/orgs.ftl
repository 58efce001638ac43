## Organizations: the directory
orgs-directory-title = Organizaciones
orgs-directory-description = Ciudades, regiones, organismos, empresas y grupos que participan en los laboratorios vivientes.
orgs-new-link = Crear una organización
orgs-filter-title = Filtrar
orgs-filter-name = El nombre contiene
orgs-filter-any-kind = Cualquier tipo
orgs-filter-verified = Verificación
orgs-filter-verified-any = Verificadas o no
orgs-filter-verified-yes = Solo verificadas
orgs-filter-verified-no = Solo no verificadas
orgs-filter-submit = Mostrar organizaciones
orgs-filter-clear = Borrar los filtros
orgs-results-title = Resultados
orgs-none-found = Ninguna organización coincide con estos filtros.
orgs-member-count = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}
orgs-pagination-label = Más organizaciones
orgs-next-page = Página siguiente
orgs-verified = Verificada
orgs-not-verified = Aún sin verificar

## Kinds of organization and roles in one
orgs-kind-city = Ciudad
orgs-kind-region = Región
orgs-kind-company = Empresa
orgs-kind-research = Investigación
orgs-kind-ngo = ONG
orgs-kind-public-agency = Organismo público
orgs-kind-citizen-group = Grupo ciudadano
orgs-kind-other = Otro
orgs-role-owner = Propietario
orgs-role-editor = Editor
orgs-role-member = Miembro

## Creating and editing
orgs-new-title = Crear una organización
orgs-new-hint = Pasará a ser su propietario. Después, un administrador de la plataforma podrá verificarla.
orgs-edit-title = Editar { $name }
orgs-edit-verified-hint = Si se cambia el nombre, el tipo o el país, se retira la verificación hasta que un administrador vuelva a comprobarla.
orgs-field-name = Nombre
orgs-field-kind = Tipo
orgs-field-country = País
orgs-hint-country = Código de país de dos letras, por ejemplo ES, IT o DE.
orgs-field-population = Población
orgs-hint-population = Número de habitantes, para una ciudad o región (opcional).
orgs-field-website = Sitio web
orgs-field-description = Descripción
orgs-save = Guardar cambios
orgs-create = Crear organización
orgs-cancel = Cancelar
notice-org-created = Se ha creado la organización. Ahora es su propietario.
notice-org-saved = Se han guardado los cambios.
notice-org-verified = Se ha verificado la organización.
notice-org-unverified = Se ha retirado la verificación.

## An organization's page
orgs-meta-description = { $kind } ({ $country }) en livinglab: sus buenas prácticas, documentos y miembros.
orgs-edit-link = Editar el perfil
orgs-manage-members-link = Gestionar los miembros
orgs-verify = Verificar esta organización
orgs-unverify = Retirar la verificación
orgs-profile-title = Perfil
orgs-practices-title = Buenas prácticas
orgs-practices-link = Buenas prácticas de { $name }
orgs-documents-title = Documentos
orgs-documents-link = Ver los documentos
orgs-members-title = Miembros
orgs-no-members = No hay miembros.
orgs-member-name = Nombre
orgs-member-role = Rol
orgs-member-since = Miembro desde
orgs-all-members-link = Todos los miembros

## Members
orgs-members-page-title = Miembros de { $name }
orgs-back-to = Volver a { $name }
orgs-member-actions = Acciones
orgs-member-you = (usted)
orgs-role-of = Rol de { $name }
orgs-change-role = Cambiar el rol de { $name }
orgs-remove-member = Retirar a { $name }
orgs-leave = Abandonar la organización
orgs-add-member-title = Añadir un miembro
orgs-field-member-email = Correo electrónico de la cuenta de la persona
orgs-hint-member-email = La persona debe tener ya una cuenta en livinglab.
orgs-add-member = Añadir miembro
orgs-error-last-owner = Una organización necesita al menos un propietario: nombre antes propietaria a otra persona.
orgs-error-already-member = Esta persona ya es miembro: cambie su rol en la lista.
notice-org-member-added = Se ha añadido el miembro.
notice-org-member-role-changed = Se ha cambiado el rol.
notice-org-member-removed = Se ha retirado al miembro.
notice-org-member-left = Ha abandonado la organización.

## Messages of the server's checks (key: v- and the English message as a slug)
v-must-be-at-least-2-characters = Utilice al menos 2 caracteres.
v-must-be-at-most-10000-characters = Utilice como máximo 10.000 caracteres.
v-must-be-between-0-and-100000000 = Introduzca un número entre 0 y 100.000.000.
v-must-be-a-whole-number = Introduzca un número entero, por ejemplo 800000.
v-no-account-has-this-email-address = Introduzca el correo electrónico de una cuenta existente: ninguna cuenta tiene esta dirección. La persona debe registrarse antes.
v-must-be-yes-or-no = Seleccione una de las opciones.
v-must-be-one-of-city-region-company-research-ngo-public-agenc = Seleccione uno de los tipos.
v-must-be-one-of-owner-editor-member = Seleccione uno de los roles.
