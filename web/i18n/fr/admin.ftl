## Administration: the area and its navigation
admin-nav-link = Administration
admin-title = Administration
admin-nav-label = Administration
admin-nav-overview = Vue d'ensemble
admin-nav-users = Utilisateurs
admin-nav-orgs = Organisations
admin-nav-practices = Bonnes pratiques
admin-nav-themes = Thèmes
admin-nav-rooms = Salles
admin-nav-status = État
admin-overview-lead = Gérez les personnes, les organisations, les pratiques et les salles, et suivez l'état de la plateforme.
admin-overview-users = { $count ->
    [one] { $count } compte
   *[other] { $count } comptes
}
admin-overview-orgs = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}, { $unverified ->
    [one] { $unverified } non vérifiée
   *[other] { $unverified } non vérifiées
}
admin-overview-hidden = { $count ->
    [one] { $count } pratique masquée
   *[other] { $count } pratiques masquées
}
admin-overview-rooms = { $rooms ->
    [one] { $rooms } salle occupée
   *[other] { $rooms } salles occupées
}, { $people ->
    [one] { $people } personne présente
   *[other] { $people } personnes présentes
} en ce moment
admin-overview-themes = Noms et descriptions des thèmes dans toutes les langues.
admin-overview-status = État de santé, version, base de données, instances et compteurs.
admin-search-submit = Rechercher
admin-actions = Actions
admin-pagination-label = Autres résultats
admin-next-page = Page suivante

## Platform roles
admin-role-admin = Administrateur
admin-role-moderator = Modérateur
admin-role-member = Membre

## Users
admin-users-title = Utilisateurs
admin-users-search = Le nom ou l'adresse e-mail contient
admin-users-none = Aucun compte pour l'instant.
admin-users-none-found = Aucun compte ne correspond à cette recherche.
admin-users-roles-by-admins = Seuls les administrateurs peuvent modifier les rôles.
admin-users-caption = Comptes et leurs rôles sur la plateforme
admin-users-name = Nom
admin-users-email = Adresse e-mail
admin-users-email-hidden = Visible par les administrateurs
admin-users-joined = Inscription
admin-users-role = Rôle
admin-users-role-of = Rôle de { $name }
admin-users-role-submit = Modifier le rôle
admin-users-role-submit-of = de { $name }
notice-admin-role-changed = Le rôle est modifié.

## Organizations
admin-orgs-title = Organisations
admin-orgs-search = Le nom contient
admin-orgs-filter-verified = Vérification
admin-orgs-filter-verified-any = Vérifiées ou non
admin-orgs-filter-verified-no = Non vérifiées uniquement
admin-orgs-filter-verified-yes = Vérifiées uniquement
admin-orgs-none-found = Aucune organisation ne correspond à cette recherche.
admin-orgs-caption = Organisations et leur vérification
admin-orgs-name = Nom
admin-orgs-kind = Type et pays
admin-orgs-verification = Vérification
admin-orgs-verified = Vérifiée
admin-orgs-not-verified = Non vérifiée
admin-orgs-edit = Modifier { $name }
admin-orgs-verify = Vérifier { $name }
admin-orgs-unverify = Retirer la vérification de { $name }
notice-admin-org-verified = L'organisation est vérifiée.
notice-admin-org-unverified = L'organisation n'est plus vérifiée.

## Practices
admin-practices-title = Bonnes pratiques
admin-practices-search = Le titre contient
admin-practices-filter-show = Afficher
admin-practices-filter-all = Toutes les pratiques
admin-practices-filter-hidden = Masquées uniquement
admin-practices-filter-visible = Non masquées uniquement
admin-practices-none-found = Aucune pratique ne correspond à cette recherche.
admin-practice-status-draft = Brouillon
admin-practice-status-published = Publiée
admin-practice-status-archived = Archivée
admin-practices-hidden = Masquée
admin-practices-hidden-by = par { $name }, le { $when }
admin-practices-hidden-at = Masquée le { $when }
admin-practices-shown-by = Affichée à nouveau par { $name }, le { $when }.
admin-practices-shown-at = Affichée à nouveau le { $when }.
admin-practices-reason = Motif :
admin-practices-hide-link = Masquer « { $title } »…
admin-practices-show-link = Afficher à nouveau « { $title } »…
admin-visibility-back = Retour aux pratiques
admin-visibility-hide-title = Masquer une pratique
admin-visibility-show-title = Afficher à nouveau une pratique
admin-visibility-hide-reason = Pourquoi la masquer ?
admin-visibility-hide-hint = Son organisation lira ce motif. 1 000 caractères au maximum.
admin-visibility-hide-submit = Masquer la pratique
admin-visibility-show-reason = Pourquoi l'afficher à nouveau ?
admin-visibility-show-hint = Conservé avec la pratique à l'intention des autres modérateurs. 1 000 caractères au maximum.
admin-visibility-show-submit = Afficher à nouveau la pratique
notice-admin-practice-hidden = La pratique est masquée.
notice-admin-practice-shown = La pratique est de nouveau affichée.

## Themes
admin-themes-title = Thèmes
admin-themes-caption = Thèmes et langues dans lesquelles ils sont rédigés
admin-themes-name = Thème
admin-themes-languages = Rédigé en
admin-theme-back = Retour aux thèmes
admin-theme-edit-title = Thème : { $name }
admin-theme-fallback = Lorsqu'une langue n'a pas de nom, les pages affichent le nom anglais. Videz les deux champs d'une langue pour supprimer sa traduction.
admin-theme-admins-only = Seuls les administrateurs peuvent modifier les thèmes.
admin-theme-field-name = Nom
admin-theme-field-description = Description
admin-theme-save = Enregistrer ({ $language })
notice-admin-theme-saved = Le thème est enregistré.

## Rooms
admin-rooms-title = Salles occupées
admin-rooms-how-counted = Personnes présentes en ce moment sur toutes les instances de la plateforme ({ $instances ->
    [one] { $instances } instance active
   *[other] { $instances } instances actives
}), d'après les connexions ouvertes enregistrées par chaque instance ; une instance silencieuse depuis { $secs } secondes n'est plus prise en compte.
admin-rooms-none = Personne n'est dans une salle en ce moment.
admin-rooms-caption = Salles où des personnes sont présentes en ce moment
admin-rooms-name = Salle
admin-rooms-participants = Personnes présentes
admin-rooms-instances = Instances qui les desservent

## Status
admin-status-title = État de la plateforme
admin-status-health = État de santé
admin-status-ok = Opérationnel
admin-status-ok-detail = Le serveur fonctionne et la base de données répond.
admin-status-down = Indisponible
admin-status-down-detail = La base de données ne répond pas.
admin-status-version = Version
admin-status-version-number = Version
admin-status-commit = Commit
admin-status-commit-unknown = Non indiqué dans cette compilation
admin-status-database = Base de données
admin-status-db-reachable = Joignable
admin-status-yes = Oui
admin-status-no = Non
admin-status-db-latency = Temps aller-retour
admin-status-ms = { $ms } ms
admin-status-db-migrations = Migrations
admin-status-migrations-of = { $applied ->
    [one] { $applied } appliquée
   *[other] { $applied } appliquées
} sur { $known } connues de cette compilation
admin-status-unknown = Inconnu
admin-status-db-pool = Connexions de cette instance
admin-status-pool-use = { $in_use } en cours d'utilisation sur { $open ->
    [one] { $open } ouverte
   *[other] { $open } ouvertes
}
admin-status-pool-limit = { $max } au maximum, { $waiting } en attente
admin-status-instances = Instances
admin-status-instances-count = { $count ->
    [one] { $count } instance active
   *[other] { $count } instances actives
}
admin-status-instances-how = Chaque instance envoie un signal de vie toutes les 10 secondes ; une instance silencieuse depuis 45 secondes n'est plus prise en compte.
admin-status-metrics = Compteurs
admin-status-metrics-scope = Pour cette instance, depuis son démarrage (Prometheus dispose des compteurs de toutes les instances sur /metrics).
admin-status-requests = Requêtes traitées
admin-status-server-errors = Erreurs du serveur
admin-status-sockets = Connexions ouvertes aux salles
admin-status-room-events = Événements de salle enregistrés

## Messages of the administration's checks
v-is-not-a-platform-role = Choisissez un rôle dans la liste.
v-must-be-hidden-or-visible = Choisissez l'une des options.
v-must-be-hide-or-show = Choisissez de masquer la pratique ou de l'afficher à nouveau.
v-this-is-the-last-admin-promote-someone-else-first = Il s'agit du dernier administrateur : désignez d'abord un autre administrateur.
v-must-be-at-most-120-characters = Utilisez au plus 120 caractères.
v-must-be-at-most-2000-characters = Utilisez au plus 2 000 caractères.
