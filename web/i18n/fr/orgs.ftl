## Organizations: the directory
orgs-directory-title = Organisations
orgs-directory-description = Villes, régions, organismes publics, entreprises et groupes qui participent aux laboratoires vivants.
orgs-new-link = Créer une organisation
orgs-filter-title = Filtrer
orgs-filter-name = Le nom contient
orgs-filter-any-kind = Tous les types
orgs-filter-verified = Vérification
orgs-filter-verified-any = Vérifiées ou non
orgs-filter-verified-yes = Vérifiées uniquement
orgs-filter-verified-no = Non vérifiées uniquement
orgs-filter-submit = Afficher les organisations
orgs-filter-clear = Effacer les filtres
orgs-results-title = Résultats
orgs-none-found = Aucune organisation ne correspond à ces filtres.
orgs-member-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
orgs-pagination-label = Autres organisations
orgs-next-page = Page suivante
orgs-verified = Vérifiée
orgs-not-verified = Pas encore vérifiée

## Kinds of organization and roles in one
orgs-kind-city = Ville
orgs-kind-region = Région
orgs-kind-company = Entreprise
orgs-kind-research = Recherche
orgs-kind-ngo = ONG
orgs-kind-public-agency = Organisme public
orgs-kind-citizen-group = Groupe de citoyens
orgs-kind-other = Autre
orgs-role-owner = Propriétaire
orgs-role-editor = Éditeur
orgs-role-member = Membre

## Creating and editing
orgs-new-title = Créer une organisation
orgs-new-hint = Vous en devenez propriétaire. Un administrateur de la plateforme pourra ensuite la vérifier.
orgs-edit-title = Modifier { $name }
orgs-edit-verified-hint = Un changement de nom, de type ou de pays retire la vérification jusqu'à ce qu'un administrateur la contrôle à nouveau.
orgs-field-name = Nom
orgs-field-kind = Type
orgs-field-country = Pays
orgs-hint-country = Code pays à deux lettres, par exemple ES, IT ou DE.
orgs-field-population = Population
orgs-hint-population = Nombre d'habitants, pour une ville ou une région (facultatif).
orgs-field-website = Site web
orgs-field-description = Description
orgs-save = Enregistrer les modifications
orgs-create = Créer l'organisation
orgs-cancel = Annuler
notice-org-created = L'organisation est créée. Vous en êtes propriétaire.
notice-org-saved = Vos modifications sont enregistrées.
notice-org-verified = L'organisation est vérifiée.
notice-org-unverified = La vérification est retirée.

## An organization's page
orgs-meta-description = { $kind } ({ $country }) sur livinglab : ses bonnes pratiques, ses documents et ses membres.
orgs-edit-link = Modifier le profil
orgs-manage-members-link = Gérer les membres
orgs-verify = Vérifier cette organisation
orgs-unverify = Retirer la vérification
orgs-profile-title = Profil
orgs-practices-title = Bonnes pratiques
orgs-practices-link = Bonnes pratiques : { $name }
orgs-documents-title = Documents
orgs-documents-link = Voir les documents
orgs-members-title = Membres
orgs-no-members = Aucun membre.
orgs-member-name = Nom
orgs-member-role = Rôle
orgs-member-since = Membre depuis
orgs-all-members-link = Tous les membres

## Members
orgs-members-page-title = Membres : { $name }
orgs-back-to = Retour à { $name }
orgs-member-actions = Actions
orgs-member-you = (vous)
orgs-role-of = Rôle attribué à { $name }
orgs-change-role = Modifier le rôle attribué à { $name }
orgs-remove-member = Retirer { $name }
orgs-leave = Quitter l'organisation
orgs-add-member-title = Ajouter un membre
orgs-field-member-email = Adresse e-mail du compte de la personne
orgs-hint-member-email = La personne doit d'abord avoir un compte sur livinglab.
orgs-add-member = Ajouter le membre
orgs-error-last-owner = Une organisation doit avoir au moins un propriétaire : désignez d'abord une autre personne comme propriétaire.
orgs-error-already-member = Cette personne est déjà membre : modifiez plutôt son rôle dans la liste.
notice-org-member-added = Le membre est ajouté.
notice-org-member-role-changed = Le rôle est modifié.
notice-org-member-removed = Le membre est retiré.
notice-org-member-left = Vous avez quitté l'organisation.

## Messages of the server's checks (key: v- and the English message as a slug)
v-must-be-at-least-2-characters = Utilisez au moins 2 caractères.
v-must-be-at-most-10000-characters = Utilisez au plus 10 000 caractères.
v-must-be-between-0-and-100000000 = Saisissez un nombre entre 0 et 100 000 000.
v-must-be-a-whole-number = Saisissez un nombre entier, par exemple 800000.
v-no-account-has-this-email-address = Saisissez l'adresse e-mail d'un compte existant : aucun compte n'utilise cette adresse. La personne doit d'abord s'inscrire.
v-must-be-yes-or-no = Choisissez l'une des options.
v-must-be-one-of-city-region-company-research-ngo-public-agenc = Choisissez l'un des types.
v-must-be-one-of-owner-editor-member = Choisissez l'un des rôles.
