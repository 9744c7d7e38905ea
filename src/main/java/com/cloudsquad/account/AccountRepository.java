package com.cloudsquad.account;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

    Optional<Account> findByEmailKey(String emailKey);

    boolean existsByEmailKey(String emailKey);
}
